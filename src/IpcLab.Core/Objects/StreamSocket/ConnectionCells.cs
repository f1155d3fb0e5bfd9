namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>
/// One connection slot of a stream socket: [0] its <see cref="ConnState"/>, [1] its backlog order
/// while pending (else 0), [2..3] end open per side, [4..5] writing side shut per side (side 0 is
/// the connecting client, 1 the accepting server), then two byte <see cref="Ring"/>s: direction d
/// is written by side d and read by the other. A free slot is all zeros.
/// </summary>
internal readonly ref struct ConnectionCells(Span<long> cells)
{
    public const int Header = 6;

    private const int OpenField = 2;
    private const int ShutField = 4;

    private readonly Span<long> _cells = cells;

    /// <summary>Cells of one connection whose directions hold <paramref name="buffer"/> bytes each.</summary>
    public static int CellsFor(int buffer) => Header + (2 * Ring.CellsFor(buffer));

    public ConnState State
    {
        get => (ConnState)_cells[0];
        set => _cells[0] = (long)value;
    }

    /// <summary>The number it got when it connected (1 = the first connection ever made), while pending; else 0.</summary>
    public ref long Order => ref _cells[1];

    public bool IsOpen(int side) => _cells[OpenField + side] != 0;

    public void SetOpen(int side, bool open) => _cells[OpenField + side] = open ? 1 : 0;

    /// <summary>True once the side can write no more (shut down or closed): the other side reads end-of-file after the bytes in between.</summary>
    public bool IsShut(int side) => _cells[ShutField + side] != 0;

    public void SetShut(int side) => _cells[ShutField + side] = 1;

    /// <summary>The raw open and shut cells of a side (the invariants check they are 0 or 1).</summary>
    public (long Open, long Shut) Flags(int side) => (_cells[OpenField + side], _cells[ShutField + side]);

    /// <summary>The bytes written by side <paramref name="direction"/>, oldest first.</summary>
    public Ring Direction(int direction)
    {
        var size = (_cells.Length - Header) / 2;
        return new Ring(_cells.Slice(Header + (direction * size), size));
    }

    public bool IsCleared => !_cells.ContainsAnyExcept(0L);

    public void Clear() => _cells.Clear();
}
