using System.Text;
using IpcLab.Tui.App;

namespace IpcLab.Tui.Tests.App;

/// <summary>The crash path of the real program: whatever throws inside the loop, the terminal comes back first.</summary>
public sealed class ConsoleTuiTests
{
    [Fact]
    public void Guarded_LoopThrows_RestoresTheTerminalThenReportsAndExits70()
    {
        using var screen = new MemoryStream();
        using var guard = new TerminalGuard(screen, new LoopSignals());
        var stderr = new StringWriter();

        var exit = ConsoleTui.Guarded(guard, stderr, () =>
        {
            guard.Enter();
            throw new InvalidOperationException("a bug in a view");
        });

        Assert.Equal(ConsoleTui.InternalError, exit);
        var written = Encoding.UTF8.GetString(screen.ToArray());
        Assert.StartsWith(TerminalGuard.EnterSequence, written, StringComparison.Ordinal);
        Assert.EndsWith(TerminalGuard.LeaveSequence, written, StringComparison.Ordinal);
        Assert.StartsWith("ipclab: internal error (please report it): System.InvalidOperationException: a bug in a view", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Guarded_LoopEnds_RestoresTheTerminalOnceAndPassesTheExitCode()
    {
        using var screen = new MemoryStream();
        using var guard = new TerminalGuard(screen, new LoopSignals());

        var exit = ConsoleTui.Guarded(guard, TextWriter.Null, () =>
        {
            guard.Enter();
            return 130;
        });
        guard.Restore();

        Assert.Equal(130, exit);
        Assert.Equal(TerminalGuard.EnterSequence + TerminalGuard.LeaveSequence, Encoding.UTF8.GetString(screen.ToArray()));
    }
}
