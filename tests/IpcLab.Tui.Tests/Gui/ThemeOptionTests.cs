using IpcLab.Tui.Tests.App;

namespace IpcLab.Tui.Tests.Gui;

/// <summary><c>ipclab tui --theme NAME</c>: a name that is no theme is a plain error (exit 2) before the terminal is touched; a good one waits only for a terminal.</summary>
public sealed class ThemeOptionTests
{
    private static (int Exit, string Out, string Err) Ipclab(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = Cli.Execute(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void Theme_UnknownName_IsRefusedWithTheNames()
    {
        var (exit, output, err) = Ipclab("tui", Repo.Lesson("bounded-buffer.ipl"), "--terminal-gui", "--theme", "neon");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("ipclab: --theme must be one of default, projector, colorblind (not \"neon\")", err.Trim());
    }

    [Fact]
    public void Theme_WithoutTerminalGui_IsAcceptedAndOnlyTheMissingTerminalIsReported()
    {
        var (exit, _, err) = Ipclab("tui", Repo.Lesson("bounded-buffer.ipl"), "--theme", "projector");

        Assert.Equal(2, exit);
        Assert.StartsWith("ipclab: the terminal view needs a terminal", err.Trim(), StringComparison.Ordinal);
    }
}
