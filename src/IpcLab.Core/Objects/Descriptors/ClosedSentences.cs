using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>
/// What a closed descriptor's event says. Value is what it referred to (a <see cref="DescriptorKind"/>);
/// Count the connections dropped from the backlog, the unread bytes or the queued messages
/// discarded; PeerFd and PeerProcess the other end of a connection. Closed by the kernel (Thread
/// -1): Process is the process that ended, Other its last thread when it exited, -1 when it crashed.
/// </summary>
internal static class ClosedSentences
{
    public static string Describe(in EventWords w)
    {
        var e = w.Event;
        var what = What(w);
        if (e.Thread >= 0)
        {
            return $"{w.Who} closes fd {e.Fd}{what}";
        }

        var how = e.Other >= 0 ? $"exited ({w.ThreadName(e.Other)}, its last thread, finished)" : "crashed";
        return $"process {w.ProcessName(e.Process)} {how}: the kernel closes its fd {e.Fd}{what}";
    }

    /// <summary>The consequences in words: ": stops listening on /tmp/echo", "; both ends of the connection are now closed".</summary>
    private static string What(in EventWords w)
    {
        var e = w.Event;
        var path = w.Object!.Socket!.Path;
        var n = e.Count;
        switch ((DescriptorKind)e.Value)
        {
            case DescriptorKind.Listener:
                return n == 0
                    ? $": stops listening on {path}"
                    : $": stops listening on {path}; {n} connection{SocketEvent.Plural(n)} never accepted {(n == 1 ? "is" : "are")} closed (their clients read end-of-file)";
            case DescriptorKind.Connection:
                var lost = n == 0 ? "" : $" ({n} unread byte{SocketEvent.Plural(n)} discarded)";
                return e.PeerFd == SocketEvent.NotAccepted
                    ? $"; the connection still waits in the backlog of {path}: whoever accepts it reads end-of-file{lost}"
                    : e.PeerProcess < 0
                    ? $"; both ends of the connection are now closed{lost}"
                    : $": its peer, fd {e.PeerFd} of process {w.ProcessName(e.PeerProcess)}, reads end-of-file once the buffer is empty{lost}";
            default:
                return n == 0
                    ? $": nobody receives on {path} any more"
                    : $": nobody receives on {path} any more ({n} queued message{SocketEvent.Plural(n)} discarded)";
        }
    }

    public static void WriteFields(in EventWords w, EventFieldWriter fields)
    {
        var e = w.Event;
        var kind = (DescriptorKind)e.Value;
        fields.Text("closes", kind switch
        {
            DescriptorKind.Listener => "listener",
            DescriptorKind.Connection => "connection",
            _ => "datagram-receiver",
        });
        fields.Number(kind == DescriptorKind.Listener ? "dropped" : "discarded", e.Count);
        StreamSocket.StreamSentences.WritePeer(w, fields);
        if (e.PeerFd == SocketEvent.NotAccepted)
        {
            fields.Text("peer", "not-accepted");
        }

        fields.Text("by", e.Thread >= 0 ? "close" : e.Other >= 0 ? "exit" : "crash");
        if (e.Thread < 0 && e.Other >= 0)
        {
            fields.Text("last-thread", w.ThreadName(e.Other));
        }
    }
}
