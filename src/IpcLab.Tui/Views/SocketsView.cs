using IpcLab.Core.Model;
using IpcLab.Core.Objects.StreamSocket;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// Sockets in the objects panel: each path with its listener and backlog, each connection as its
/// two directions (the bytes in flight, the buffer's capacity, end-of-file once the writer is
/// done) and who holds each end, and each datagram socket with its receiver and queued messages:
/// <code>
/// • socket echo /tmp/echo: listening, fd 3 of server · backlog 0/1
///     client fd 3 (client) ⇄ server fd 4 (server)
///       client → server [he·] 2/3
///       server → client [···] 0/3 · end-of-file next
/// </code>
/// Each buffer is drawn at its full capacity (a · per free byte), so it does not jitter.
/// </summary>
internal static class SocketsView
{
    public static void Add(Kernel kernel, ObjectInfo socket, StepChanges changes, int width, List<string> lines)
    {
        var spec = socket.Socket!;
        var title = new MarkupLine(width)
            .Add(changes.Changed(socket.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add(ObjectViews.WordOf(socket.Kind), Palette.Dim)
            .Add(socket.Name, Palette.Title)
            .Add($" {spec.Path}: ", Palette.Dim);
        if (socket.Kind == ObjectKind.DatagramSocket)
        {
            AddDatagram(kernel, socket, title, width, lines);
            return;
        }

        var (process, fd) = kernel.StreamListener(socket.Id);
        var connections = kernel.StreamConnections(socket.Id);
        var pending = connections.Count(c => c.State == ConnState.Pending);
        title.Add(process < 0 ? "not listening" : $"listening, fd {fd} of {ProcessName(kernel, process)}", process < 0 ? Palette.Dim : Palette.Ready)
            .Add($" · backlog {pending}/{spec.Backlog}", pending >= spec.Backlog ? Palette.Blocked : null);
        var blocked = Blocked(kernel, socket.Id);
        if (blocked.Length > 0)
        {
            title.Add(" · blocked: ", Palette.Dim).Add(blocked, Palette.Blocked);
        }

        lines.Add(title.ToString());
        foreach (var c in connections)
        {
            var ends = new MarkupLine(width).Add("    ")
                .Add("client ").Add(EndText(kernel, c.Client, pending: false), c.Client.Open ? null : Palette.Dim)
                .Add(" ⇄ ", Palette.Dim)
                .Add("server ").Add(EndText(kernel, c.Server, c.State == ConnState.Pending), c.Server.Open ? null : Palette.Dim);
            if (c.State == ConnState.Pending)
            {
                ends.Add($" · #{c.Order} in the backlog", Palette.Waiting);
            }

            lines.Add(ends.ToString());
            lines.Add(Direction("client → server", c.ToServer, spec.Buffer, c.Client.WriteShut, c.Server.Open, width));
            lines.Add(Direction("server → client", c.ToClient, spec.Buffer, c.Server.WriteShut, c.Client.Open, width));
        }
    }

    private static void AddDatagram(Kernel kernel, ObjectInfo socket, MarkupLine title, int width, List<string> lines)
    {
        var (process, fd) = kernel.DatagramReceiver(socket.Id);
        var messages = kernel.DatagramMessages(socket.Id);
        title.Add(process < 0 ? "not bound" : $"bound, fd {fd} of {ProcessName(kernel, process)}", process < 0 ? Palette.Dim : Palette.Ready)
            .Add($" · {messages.Count}/{socket.Socket!.Buffer} messages", messages.Count >= socket.Socket.Buffer ? Palette.Blocked : null);
        var blocked = Blocked(kernel, socket.Id);
        if (blocked.Length > 0)
        {
            title.Add(" · blocked: ", Palette.Dim).Add(blocked, Palette.Blocked);
        }

        lines.Add(title.ToString());
        if (messages.Count > 0)
        {
            lines.Add(new MarkupLine(width).Add("    next → ", Palette.Dim).Add(string.Join(" ", messages.Select(m => $"[{m}]"))).ToString());
        }
    }

    /// <summary>"[he·] 2/3", then "· end-of-file next" when the writer is done.</summary>
    private static string Direction(string label, string bytes, int capacity, bool writerDone, bool readerOpen, int width)
    {
        var line = new MarkupLine(width).Add($"      {label} ", Palette.Dim);
        if (!readerOpen)
        {
            return line.Add("reader closed", Palette.Dim).ToString();
        }

        line.Add("[", Palette.Dim).Add(bytes, Palette.JustPut).Add(new string('·', Math.Max(0, capacity - bytes.Length)), Palette.Dim).Add("]", Palette.Dim)
            .Add($" {bytes.Length}/{capacity}", bytes.Length >= capacity ? Palette.Blocked : null);
        if (writerDone)
        {
            line.Add(bytes.Length == 0 ? " · end-of-file next" : " · then end-of-file", Palette.Waiting);
        }

        return line.ToString();
    }

    private static string EndText(Kernel kernel, EndInfo end, bool pending) =>
        pending ? "(not accepted yet)"
        : end.Process >= 0 ? $"fd {end.Fd} ({ProcessName(kernel, end.Process)})"
        : "closed";

    private static string Blocked(Kernel kernel, int socketId) => string.Join(", ", kernel.WaitersOf(socketId).Select(kernel.ThreadName));

    private static string ProcessName(Kernel kernel, int process) => kernel.Program.Processes[process].Name;
}
