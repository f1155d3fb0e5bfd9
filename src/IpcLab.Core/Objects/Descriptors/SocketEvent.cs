using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>How the socket modules make their events, and the fields they share.</summary>
internal static class SocketEvent
{
    /// <summary>
    /// An event of thread <paramref name="t"/> (or of the kernel, -1) about socket <paramref name="socket"/>
    /// and descriptor <paramref name="fd"/> of its process; the peer fields -1 until the step fills them in.
    /// </summary>
    internal static KernelEvent Of(IKernelServices k, EventKind kind, int t, int pc, int socket, long fd = -1) =>
        new(0, kind, t, pc, socket, -1, 0)
        {
            Fd = (int)fd,
            Process = t >= 0 ? k.ProcessOf(t) : -1,
            PeerFd = -1,
            PeerProcess = -1,
        };

    /// <summary>"" or "s" after a count.</summary>
    /// <summary>The <see cref="KernelEvent.PeerFd"/> of a closed client end whose connection still waits in the backlog: its server end has no descriptor yet.</summary>
    internal const int NotAccepted = -2;

    internal static string Plural(long n) => n == 1 ? "" : "s";

    /// <summary>Writes "fd" when the event has a descriptor, and "process": the process whose descriptors the event is about.</summary>
    internal static void WriteFd(in EventWords w, EventFieldWriter fields)
    {
        if (w.Event.Fd >= 0)
        {
            fields.Number("fd", w.Event.Fd);
        }

        if (w.Event.Process >= 0)
        {
            fields.Text("process", w.ProcessName(w.Event.Process));
        }
    }
}
