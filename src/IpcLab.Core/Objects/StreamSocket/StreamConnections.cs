using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>
/// The steps on a stream socket's descriptors, once the descriptors module has resolved them:
/// accept from a listening descriptor, send, recv and shutdown on a connection end, and what
/// closing either does. A connection has two directions; direction d is a ring of bytes written
/// by side d (0 = the client, 1 = the server) and read by the other side.
/// </summary>
internal static class StreamConnections
{
    public static void Accept(IKernelServices k, int t, int pc, Instr instr, long lfd, int socket)
    {
        var cells = StreamSocketModule.Cells(k, socket);
        var slot = cells.FirstPending();
        if (slot < 0)
        {
            k.JoinWaitQueue(t, socket, ThreadStatus.Blocked);
            k.Emit(SocketEvent.Of(k, EventKind.SocketBlocked, t, pc, socket, lfd));
            return;
        }

        var fd = DescriptorTables.Allocate(k, k.ProcessOf(t), DescriptorKind.Connection, socket, (slot * 2) + 1, "accept");
        var c = cells.Connection(slot);
        c.State = ConnState.Accepted;
        c.Order = 0;
        k.Local(t, instr.B) = fd;
        // Who holds the other end is only for the event: a search without events skips the lookup.
        var (peer, peerFd) = k.RecordsEvents ? DescriptorTables.Find(k, DescriptorKind.Connection, socket, slot * 2) : (-1, -1);
        k.Emit(SocketEvent.Of(k, EventKind.SocketAccepted, t, pc, socket, fd) with { Other = (int)lfd, PeerProcess = peer, PeerFd = peerFd });
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    public static void Send(IKernelServices k, int t, int pc, Instr instr, long fd, DescriptorCells end)
    {
        var socket = end.Socket;
        var side = end.Side;
        var c = StreamSocketModule.Cells(k, socket).Connection(end.Connection);
        if (c.IsShut(side))
        {
            k.Local(t, instr.C) = 0;
            throw new ThreadFaultException($"send on fd {fd} after shutdown: its writing side is closed");
        }

        if (!c.IsOpen(1 - side))
        {
            k.Local(t, instr.C) = 0;
            throw new ThreadFaultException($"send on fd {fd}: the peer has closed (broken pipe)");
        }

        // The text is evaluated once, at the first attempt; a resumed send carries on with it
        // (local B holds the text, local C the bytes sent so far + 1 while a send is under way).
        if (k.Local(t, instr.C) == 0)
        {
            k.Local(t, instr.B) = k.Eval(t, instr.E2!);
            k.Local(t, instr.C) = 1;
        }

        var textId = k.Local(t, instr.B);
        var text = k.Strings[textId];
        var done = (int)k.Local(t, instr.C) - 1;
        var ring = c.Direction(side);
        var n = (int)Math.Min(ring.Capacity - ring.Count, text.Length - done);
        for (var i = 0; i < n; i++)
        {
            ring.Append(text[done + i]);
        }

        var sent = SocketEvent.Of(k, EventKind.SocketSent, t, pc, socket, fd) with { Value = textId, Other = done };
        if (done + n == text.Length)
        {
            k.Local(t, instr.C) = 0;
            k.Emit(sent with { Count = ring.Count });
            k.MoveTo(t, instr.Next);
        }
        else
        {
            k.Local(t, instr.C) = done + n + 1;
            k.JoinWaitQueue(t, socket, ThreadStatus.Blocked);
            k.Emit(sent with { Kind = EventKind.SocketBlocked, Count = n });
        }

        if (n > 0)
        {
            SocketWaits.WakeWaiters(k);
        }
    }

    public static void Recv(IKernelServices k, int t, int pc, Instr instr, long fd, DescriptorCells end, long max)
    {
        var socket = end.Socket;
        var side = end.Side;
        var c = StreamSocketModule.Cells(k, socket).Connection(end.Connection);
        var ring = c.Direction(1 - side);
        var waiting = ring.Count;
        if (waiting == 0)
        {
            if (c.IsShut(1 - side))
            {
                k.Local(t, instr.B) = k.Strings.Intern("");
                k.Emit(SocketEvent.Of(k, EventKind.SocketEndOfFile, t, pc, socket, fd) with { Other = c.IsOpen(1 - side) ? 0 : 1 });
                k.MoveTo(t, instr.Next);
                return;
            }

            k.JoinWaitQueue(t, socket, ThreadStatus.Blocked);
            k.Emit(SocketEvent.Of(k, EventKind.SocketBlocked, t, pc, socket, fd));
            return;
        }

        var n = (int)Math.Min(max, waiting);
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            sb.Append((char)ring.RemoveFirst());
        }

        var text = k.Strings.Intern(sb.ToString());
        k.Local(t, instr.B) = text;
        k.Emit(SocketEvent.Of(k, EventKind.SocketReceived, t, pc, socket, fd) with { Value = text, Count = waiting, Other = Requested(max) });
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    public static void Shutdown(IKernelServices k, int t, int pc, Instr instr, long fd, DescriptorCells end)
    {
        var c = StreamSocketModule.Cells(k, end.Socket).Connection(end.Connection);
        c.SetShut(end.Side);
        k.Emit(SocketEvent.Of(k, EventKind.SocketShutdown, t, pc, end.Socket, fd) with { Count = c.Direction(end.Side).Count });
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    /// <summary>A byte count as an event field: -1 for "all that is there".</summary>
    public static int Requested(long max) => max > int.MaxValue ? -1 : (int)max;

    /// <summary>Stops listening: connections still in the backlog are dropped (their clients read end-of-file). Returns how many.</summary>
    public static int CloseListener(IKernelServices k, int socket)
    {
        var cells = StreamSocketModule.Cells(k, socket);
        cells.Listening = 0;
        var dropped = 0;
        for (var slot = 0; slot < cells.Connections; slot++)
        {
            var c = cells.Connection(slot);
            if (c.State != ConnState.Pending)
            {
                continue;
            }

            CloseEnd(k, socket, slot, 1);
            if (c.State != ConnState.Free)
            {
                c.State = ConnState.Dropped;
                c.Order = 0;
            }

            dropped++;
        }

        return dropped;
    }

    /// <summary>Closes one end of a connection; returns how many unread bytes were discarded. Frees the slot when both ends are closed.</summary>
    public static long CloseEnd(IKernelServices k, int socket, int slot, int side)
    {
        var c = StreamSocketModule.Cells(k, socket).Connection(slot);
        c.SetOpen(side, false);
        c.SetShut(side);
        var incoming = c.Direction(1 - side);
        var discarded = incoming.Count;
        while (!incoming.IsEmpty)
        {
            incoming.RemoveFirst();
        }

        if (!c.IsOpen(1 - side))
        {
            c.Clear();
        }

        return discarded;
    }

    /// <summary>Could a send on this connection end go on: the peer closed (it will fault), or its buffer has room.</summary>
    public static WakeReason SendReady(IKernelServices k, DescriptorCells end, long fd)
    {
        var c = StreamSocketModule.Cells(k, end.Socket).Connection(end.Connection);
        return !c.IsOpen(1 - end.Side) ? new(WakeCause.PeerClosed, fd)
            : c.IsShut(end.Side) || !c.Direction(end.Side).IsFull ? new(WakeCause.BufferHasRoom, fd)
            : WakeReason.None;
    }

    /// <summary>Readable in the sense of select: a listening descriptor with a pending connection, a connection with bytes to read or at end-of-file.</summary>
    public static WakeReason Readable(IKernelServices k, DescriptorCells d, long fd)
    {
        var cells = StreamSocketModule.Cells(k, d.Socket);
        if (d.Kind == DescriptorKind.Listener)
        {
            return cells.FirstPending() >= 0 ? new(WakeCause.ConnectionToAccept, fd) : WakeReason.None;
        }

        var c = cells.Connection(d.Connection);
        var waiting = c.Direction(1 - d.Side).Count;
        return waiting > 0 ? new(WakeCause.BytesToRead, fd, waiting)
            : c.IsShut(1 - d.Side) ? new(WakeCause.EndOfFile, fd)
            : WakeReason.None;
    }
}
