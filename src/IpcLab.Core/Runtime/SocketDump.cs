using System.Text;
using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>A socket's part of <see cref="StateDump"/>: exact, with every counter, strings by content.</summary>
internal static class SocketDump
{
    public static void Append(StringBuilder sb, Kernel kernel, ObjectInfo o)
    {
        var data = kernel.RawState;
        var sockets = kernel.Layout.Sockets;
        if (o.Kind == ObjectKind.DatagramSocket)
        {
            var db = sockets.DgramBase(o.Slot);
            sb.Append("bound ").Append(data[db]).Append(' ').Append(data[db + 1]).Append("..").Append(data[db + 2]).Append(" [");
            sb.AppendJoin(", ", kernel.DatagramMessages(o.Id).Select(m => $"\"{m}\""));
            sb.Append(']');
        }
        else
        {
            var start = sockets.StreamBase(o.Slot);
            var end = sockets.ConnBase(o.Slot, o.Socket!.Connections - 1) + SocketLayout.ConnSize(o.Socket.Buffer);
            sb.AppendJoin(' ', data[start..end].ToArray());
        }

        // The descriptor tables once, with the first socket.
        if (o.Id == kernel.Program.Objects.First(x => x.Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket).Id)
        {
            var tables = data[sockets.DescriptorBase..sockets.DescriptorEnd];
            sb.Append(" | fds ").AppendJoin(' ', tables.ToArray());
        }
    }
}
