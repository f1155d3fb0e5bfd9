using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>
/// A stream socket's cells: [0] listening (0 or 1), [1] connections made so far (the backlog
/// order's counter), then its <c>connections</c> slots (see <see cref="ConnectionCells"/>).
/// </summary>
internal readonly ref struct StreamSocketCells(Span<long> cells, SocketSpec spec)
{
    public const int Header = 2;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(SocketSpec spec) => Header + (spec.Connections * ConnectionCells.CellsFor(spec.Buffer));

    public ref long Listening => ref _cells[0];

    public ref long ConnectionsMade => ref _cells[1];

    public int Connections => spec.Connections;

    public ConnectionCells Connection(int slot)
    {
        var size = ConnectionCells.CellsFor(spec.Buffer);
        return new ConnectionCells(_cells.Slice(Header + (slot * size), size));
    }

    /// <summary>How many connections wait in the backlog to be accepted.</summary>
    public int PendingCount()
    {
        var n = 0;
        for (var slot = 0; slot < spec.Connections; slot++)
        {
            n += Connection(slot).State == ConnState.Pending ? 1 : 0;
        }

        return n;
    }

    /// <summary>The pending connection that connected first (the backlog is FIFO), or -1.</summary>
    public int FirstPending()
    {
        var best = -1;
        var order = long.MaxValue;
        for (var slot = 0; slot < spec.Connections; slot++)
        {
            var c = Connection(slot);
            if (c.State == ConnState.Pending && c.Order < order)
            {
                order = c.Order;
                best = slot;
            }
        }

        return best;
    }

    /// <summary>A free connection slot, or -1.</summary>
    public int FreeSlot()
    {
        for (var slot = 0; slot < spec.Connections; slot++)
        {
            if (Connection(slot).State == ConnState.Free)
            {
                return slot;
            }
        }

        return -1;
    }
}
