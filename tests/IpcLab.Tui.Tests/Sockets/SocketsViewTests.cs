using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Sockets;

/// <summary>The sockets part of the objects panel: listener, backlog, both directions of a connection, who holds each end.</summary>
public sealed class SocketsViewTests
{
    private const string Echo = """
        socket echo path "/tmp/echo" backlog 1 buffer 3

        process server:
            thread srv:
                listen echo -> lfd
                accept lfd -> cfd
                recv cfd, 2 -> s
                shutdown cfd
                pass

        process client:
            thread cli:
                connect echo -> fd
                send fd, "[hi]"
        """;

    [Fact]
    public void Frame_PendingConnection_ShowsBacklogAndBlockedSender()
    {
        var state = TuiScenarios.FromText("echo.ipl", Echo);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 2);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("socket echo /tmp/echo: listening, fd 3 of server · backlog 1/1 · blocked: cli", text);
        Assert.Contains("client fd 3 (client) ⇄ server (not accepted yet) · #1 in the backlog", text);
        Assert.Contains("client → server [[hi] 3/3", text);
        Assert.Contains("server → client [···] 0/3", text);
        Assert.Contains("blocked: waits in send on fd 3", text);
    }

    [Fact]
    public void Frame_AcceptedAndShutDown_ShowsBothFdsAndEndOfFile()
    {
        var state = TuiScenarios.FromText("echo.ipl", Echo);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 2);
        TuiScenarios.Run(state.Session!, 0, 3);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("client fd 3 (client) ⇄ server fd 4 (server)", text);
        Assert.Contains("server → client [···] 0/3 · end-of-file next", text);
    }
}
