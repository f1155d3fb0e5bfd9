using IpcLab.Core.Objects.DatagramSocket;
using IpcLab.Core.Objects.StreamSocket;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>The socket modules' events (stream, datagram, descriptors): which they are, and how the modules make them.</summary>
public static class SocketEvent
{
    /// <summary>True for an event a socket module emits (for views that mark the socket it names as changed).</summary>
    public static bool Is(EventKind kind) => ObjectModules.OwnerOf(kind) is StreamSocketModule or DatagramSocketModule or DescriptorsModule;

    /// <summary>
    /// An event of thread <paramref name="t"/> (or of the kernel, -1) about socket <paramref name="socket"/>
    /// and descriptor <paramref name="fd"/> of its process; the peer fields -1 until the step fills them in.
    /// </summary>
    internal static KernelEvent Of(IKernelServices k, EventKind kind, int t, int pc, int socket, long fd = -1) =>
        new(0, kind, t, pc, socket, -1, 0, default)
        {
            Fd = (int)fd,
            Process = t >= 0 ? k.ProcessOf(t) : -1,
            PeerFd = -1,
            PeerProcess = -1,
        };

    /// <summary>"" or "s" after a count.</summary>
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
