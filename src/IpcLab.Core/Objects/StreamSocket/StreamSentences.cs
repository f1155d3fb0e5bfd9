using IpcLab.Core.Model;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>
/// What a stream socket's events say, built from their fields: the sentences, the JSON fields,
/// and the words for a thread blocked on one. Fd is the descriptor used or handed out; Value the
/// text sent or received; Other what was sent before (send), the listening descriptor (accept),
/// the count asked for (recv) or whether the peer closed (end-of-file); Count the bytes or
/// connections the sentence counts.
/// </summary>
internal static class StreamSentences
{
    public static string Describe(in EventWords w)
    {
        var e = w.Event;
        var spec = w.Object!.Socket!;
        var who = w.Who;
        switch (e.Kind)
        {
            case EventKind.SocketListened:
                return $"{who} listens on {spec.Path}: gets fd {e.Fd} (backlog {spec.Backlog})";
            case EventKind.SocketConnected:
                return $"{who} connects to {spec.Path}: gets fd {e.Fd}; the connection waits in the backlog ({e.Count} of {spec.Backlog}) until it is accepted";
            case EventKind.SocketAccepted:
                var peer = e.PeerProcess >= 0 ? $"connected to fd {e.PeerFd} of process {w.ProcessName(e.PeerProcess)}" : "whose other end is already closed";
                return $"{who} accepts a connection on fd {e.Other}: gets fd {e.Fd}, {peer}";
            case EventKind.SocketSent:
                var text = w.Text;
                var n = text.Length - e.Other;
                return e.Other == 0
                    ? $"{who} sends \"{text}\" on fd {e.Fd} ({n} byte{SocketEvent.Plural(n)}; {e.Count} of {spec.Buffer} now in the buffer)"
                    : $"{who} sends the rest, \"{text[e.Other..]}\", on fd {e.Fd}: all {text.Length} bytes of \"{text}\" are sent";
            case EventKind.SocketReceived:
                var got = w.Text;
                return got.Length == e.Count
                    ? $"{who} gets \"{got}\" on fd {e.Fd} (all {got.Length} byte{SocketEvent.Plural(got.Length)} waiting)"
                    : $"{who} gets \"{got}\" on fd {e.Fd} ({got.Length} of {e.Count} bytes waiting; the rest stays in the buffer)";
            case EventKind.SocketEndOfFile:
                return $"{who} gets end-of-file on fd {e.Fd}: the peer {(e.Other == 1 ? "has closed" : "has shut down writing")} and everything it sent has been read (recv gives \"\")";
            default:
                return e.Count == 0
                    ? $"{who} shuts down writing on fd {e.Fd}: the peer reads end-of-file next"
                    : $"{who} shuts down writing on fd {e.Fd}: the peer reads end-of-file after the {e.Count} byte{SocketEvent.Plural(e.Count)} still in the buffer";
        }
    }

    public static void WriteFields(in EventWords w, EventFieldWriter fields)
    {
        var e = w.Event;
        SocketEvent.WriteFd(w, fields);
        switch (e.Kind)
        {
            case EventKind.SocketConnected:
                fields.Number("pending", e.Count);
                break;
            case EventKind.SocketAccepted:
                fields.Number("listen-fd", e.Other);
                WritePeer(w, fields);
                break;
            case EventKind.SocketSent:
                fields.Number("bytes", w.Text.Length - e.Other);
                fields.Number("buffered", e.Count);
                fields.Text("data", w.Text[e.Other..]);
                break;
            case EventKind.SocketReceived:
                fields.Number("bytes", w.Text.Length);
                fields.Number("waiting", e.Count);
                fields.Text("data", w.Text);
                if (e.Other >= 0)
                {
                    fields.Number("requested", e.Other);
                }

                break;
            case EventKind.SocketEndOfFile:
                fields.Flag("peer-closed", e.Other == 1);
                break;
            case EventKind.SocketShutdown:
                fields.Number("left", e.Count);
                break;
        }
    }

    /// <summary>"peer-fd" and "peer-process" when the other end has a descriptor.</summary>
    public static void WritePeer(in EventWords w, EventFieldWriter fields)
    {
        if (w.Event.PeerProcess >= 0)
        {
            fields.Number("peer-fd", w.Event.PeerFd);
            fields.Text("peer-process", w.ProcessName(w.Event.PeerProcess));
        }
    }

    /// <summary>A thread that blocks on a stream socket, at connect, accept, send or recv.</summary>
    public static string Blocked(in EventWords w)
    {
        var e = w.Event;
        var spec = w.Object!.Socket!;
        var who = w.Who;
        switch (w.Instr!.Op)
        {
            case OpCode.Connect:
                return $"{who} blocks in connect to {spec.Path}: the backlog is full ({e.Count} of {spec.Backlog} connections wait to be accepted)";
            case OpCode.Accept:
                return $"{who} blocks in accept on fd {e.Fd}: no connection waits on {spec.Path}";
            case OpCode.Send:
                var text = w.Text;
                var total = e.Other + e.Count;
                var left = text.Length - total;
                return e.Count == 0
                    ? $"{who} blocks in send on fd {e.Fd}: the buffer is full ({spec.Buffer} of {spec.Buffer} bytes), {left} byte{SocketEvent.Plural(left)} of \"{text}\" still to send"
                    : $"{who} sends \"{text.Substring(e.Other, (int)e.Count)}\" on fd {e.Fd} ({total} of {text.Length} bytes) and blocks: the buffer is full, the rest waits until the reader makes room";
            default:
                return $"{who} blocks in recv on fd {e.Fd}: nothing to read yet";
        }
    }

    public static void WriteBlockedFields(in EventWords w, EventFieldWriter fields)
    {
        var e = w.Event;
        switch (w.Instr!.Op)
        {
            case OpCode.Connect:
                fields.Number("pending", e.Count);
                break;
            case OpCode.Send:
                fields.Number("bytes", e.Count);
                fields.Number("left", w.Text.Length - e.Other - e.Count);
                fields.Text("data", w.Text.Substring(e.Other, (int)e.Count));
                break;
        }
    }

    /// <summary>What a thread blocked on a stream socket waits for, at connect, accept, send or recv (after its name).</summary>
    public static string DescribeWait(IKernelServices k, int thread, Instr instr, int socket)
    {
        var spec = k.Program.Objects[socket].Socket!;
        if (instr.Op == OpCode.Connect)
        {
            return $"waits in connect to {spec.Path}: its backlog is full ({StreamSocketModule.Cells(k, socket).PendingCount()} of {spec.Backlog}) until a connection is accepted";
        }

        var descriptor = k.Eval(thread, instr.E1!);
        if (instr.Op == OpCode.Accept)
        {
            return $"waits in accept on fd {descriptor} for a connection to {spec.Path}";
        }

        var end = DescriptorTables.Of(k, k.ProcessOf(thread))[descriptor];
        var (p, fd) = DescriptorTables.Find(k, DescriptorKind.Connection, end.Socket, (end.Connection * 2) + 1 - end.Side);
        var peer = p >= 0
            ? $"fd {fd} of process {k.Program.Processes[p].Name}{(k.IsProcessAlive(p) ? "" : ", whose threads have all stopped")}"
            : "a server end still waiting in the backlog to be accepted";
        return instr.Op == OpCode.Send
            ? $"waits in send on fd {descriptor}: the buffer is full until its peer ({peer}) reads"
            : $"waits in recv on fd {descriptor} for data from its peer ({peer})";
    }
}
