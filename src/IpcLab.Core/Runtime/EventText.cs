using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>The one-line sentence for each event, in the words a learner reads.</summary>
public static class EventText
{
    public static string Describe(KernelEvent e, CompiledProgram program, StringTable strings)
    {
        if (ObjectModules.OwnerOf(e.Kind) is { } owner)
        {
            return owner.Describe(new EventWords(e, program, strings));
        }

        var who = e.Thread >= 0 ? program.Threads[e.Thread].Name : "";
        string Text() => strings[e.Value];

        return e.Kind switch
        {
            _ when IsSocketEvent(e.Kind) => who.Length == 0 ? Text() : $"{who} {Text()}",
            _ => e.Kind.ToString(),
        };
    }

    /// <summary>The socket and descriptor events (SocketListened to DatagramReceived): their sentence is made when they happen and kept as Value.</summary>
    public static bool IsSocketEvent(EventKind kind) => kind is >= EventKind.SocketListened and <= EventKind.DatagramReceived;

    /// <summary>
    /// The kinds whose Other field names a thread (the holder, the one woken or handed to, the
    /// member a copy goes to); in every other kind it is a local slot, a word, a process, a
    /// priority or a count.
    /// </summary>
    public static bool OtherIsThread(EventKind kind) => ObjectModules.SpecOf(kind).OtherIsThread;

    /// <summary>A short lower-case name for the kind, used in JSON and by filters ("blocked", "woken").</summary>
    public static string KindName(EventKind kind) => ObjectModules.NameOf(kind) ?? kind switch
    {
        EventKind.SocketBlocked => "blocked",
        EventKind.SocketListened => "listened",
        EventKind.SocketConnected => "connected",
        EventKind.SocketAccepted => "accepted",
        EventKind.SocketSent => "sent",
        EventKind.SocketReceived => "received",
        EventKind.SocketEndOfFile => "end-of-file",
        EventKind.SocketWoken => "woken",
        EventKind.SocketShutdown => "shutdown",
        EventKind.SocketClosed => "closed",
        EventKind.SocketBound => "bound",
        EventKind.DatagramSent => "datagram-sent",
        EventKind.DatagramReceived => "datagram-received",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
