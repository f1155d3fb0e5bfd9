using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>A stream socket's state: its one spelling (hash, dump), its invariants, and what the views ask about it.</summary>
internal static class StreamSocketState
{
    /// <summary>
    /// Listening and the connection counter as they are, then each connection slot: its state, and
    /// for one in use its backlog order, open and shut flags, and the bytes of each direction
    /// oldest first: not the counts of bytes ever read and written, which equal states do not share.
    /// </summary>
    public static void Write(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        var cells = StreamSocketModule.Cells(k, o.Id);
        w.Label("listening");
        w.Int(cells.Listening);
        w.Label("made");
        w.Int(cells.ConnectionsMade);
        for (var slot = 0; slot < cells.Connections; slot++)
        {
            var c = cells.Connection(slot);
            w.Label(StateWord(c.State));
            w.Int((long)c.State);
            if (c.State == ConnState.Free)
            {
                continue; // every other cell of a free slot is 0 (an invariant)
            }

            w.Label("order");
            w.Int(c.Order);
            for (var side = 0; side < 2; side++)
            {
                var (open, shut) = c.Flags(side);
                w.Label(side == 0 ? "client" : "server");
                w.Int(open);
                w.Int(shut);
                var ring = c.Direction(side);
                w.BeginList(ring.Count);
                for (var i = 0; i < ring.Count; i++)
                {
                    w.Int(ring[i]);
                }

                w.EndList();
            }
        }
    }

    private static string StateWord(ConnState state) => state switch
    {
        ConnState.Free => "free",
        ConnState.Pending => "pending",
        ConnState.Accepted => "accepted",
        ConnState.Dropped => "dropped",
        _ => "state",
    };

    // Every open thing has exactly one descriptor (the descriptors module checks the other way:
    // every descriptor refers to something open), the backlog holds no more than it may, and each
    // direction's bytes sit between its counters, nowhere else.
    public static void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var cells = StreamSocketModule.Cells(k, o.Id);
        var spec = o.Socket!;
        var listeners = DescriptorTables.Count(k, DescriptorKind.Listener, o.Id, 0);
        ObjectModule.Require(cells.Listening is 0 or 1 && listeners == cells.Listening, $"socket {o.Name} is listening={cells.Listening} with {listeners} listening descriptors");
        ObjectModule.Require(cells.PendingCount() <= spec.Backlog, $"socket {o.Name} has more pending connections than its backlog");
        for (var slot = 0; slot < cells.Connections; slot++)
        {
            AssertConnection(k, o, cells, slot);
        }
    }

    private static void AssertConnection(IKernelServices k, ObjectInfo o, StreamSocketCells cells, int slot)
    {
        var c = cells.Connection(slot);
        var name = $"connection {slot} of {o.Name}";
        var state = c.State;
        if (state == ConnState.Free)
        {
            ObjectModule.Require(c.IsCleared, $"free {name} is not cleared");
            return;
        }

        ObjectModule.Require(state is ConnState.Pending or ConnState.Accepted or ConnState.Dropped, $"{name} has state {state}");
        ObjectModule.Require(c.IsOpen(0) || c.IsOpen(1), $"{name} is in use with both ends closed");
        ObjectModule.Require((state == ConnState.Pending) == (c.Order > 0) && c.Order <= cells.ConnectionsMade, $"{name} is {state} with backlog order {c.Order}");
        for (var side = 0; side < 2; side++)
        {
            var (open, shut) = c.Flags(side);
            ObjectModule.Require(open is 0 or 1 && shut is 0 or 1, $"{name} side {side} has open={open}, shut={shut}");
            var descriptors = DescriptorTables.Count(k, DescriptorKind.Connection, o.Id, (slot * 2) + side);
            var expected = open == 1 && (side == 0 || state == ConnState.Accepted) ? 1 : 0;
            ObjectModule.Require(descriptors == expected, $"{name} side {side} has {descriptors} descriptors, expected {expected}");
            ObjectModule.Require(open == 1 || shut == 1, $"{name} side {side} is closed but can still write");

            var ring = c.Direction(side);
            ObjectModule.Require(ring.IsWellFormed(), $"{name} direction {side} holds {ring.Count} of {ring.Capacity} bytes (head {ring.Head}, tail {ring.Tail}), or a stale byte in a free cell");
            ObjectModule.Require(c.IsOpen(1 - side) || ring.IsEmpty, $"{name} direction {side} holds bytes for a closed reader");
        }
    }

    /// <summary>The connections in use, pending ones in backlog order first.</summary>
    public static IReadOnlyList<ConnectionInfo> Connections(IKernelServices k, int socket)
    {
        var cells = StreamSocketModule.Cells(k, socket);
        var list = new List<ConnectionInfo>();
        for (var slot = 0; slot < cells.Connections; slot++)
        {
            var c = cells.Connection(slot);
            if (c.State != ConnState.Free)
            {
                list.Add(new ConnectionInfo(slot, c.State, c.Order, End(k, socket, c, slot, 0), End(k, socket, c, slot, 1), Bytes(c.Direction(0)), Bytes(c.Direction(1))));
            }
        }

        return list.OrderBy(c => c.State == ConnState.Pending ? 0 : 1).ThenBy(c => c.Order).ThenBy(c => c.Slot).ToArray();
    }

    private static EndInfo End(IKernelServices k, int socket, ConnectionCells c, int slot, int side)
    {
        var (p, fd) = DescriptorTables.Find(k, DescriptorKind.Connection, socket, (slot * 2) + side);
        return new EndInfo(p, fd, c.IsOpen(side), c.IsShut(side));
    }

    private static string Bytes(Ring ring)
    {
        var sb = new StringBuilder((int)ring.Count);
        for (var i = 0; i < ring.Count; i++)
        {
            sb.Append((char)ring[i]);
        }

        return sb.ToString();
    }
}
