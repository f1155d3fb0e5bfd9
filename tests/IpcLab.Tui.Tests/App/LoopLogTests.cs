using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>What the key loop logs: its start and end, each key (trace), each new status line (debug).</summary>
public sealed class LoopLogTests
{
    [Fact]
    public void Run_WithALogger_LogsStartKeysNewStatusLinesAndEnd()
    {
        var log = new ListLogger();
        var tui = Open(Repo.Lesson("bounded-buffer.ipl"));
        tui.Log = log;

        var exit = tui.Run(Keys(" \x03"));

        Assert.Equal(0, exit);
        Assert.Equal("Information: terminal UI starts on a 120x40 terminal, screen Run", log.Entries[0]);
        Assert.Equal("Trace: key Spacebar (char 32, modifiers None)", log.Entries[1]);
        Assert.StartsWith($"Debug: status on Run ({Repo.Lesson("bounded-buffer.ipl")}, step 1): step 1: ", log.Entries[2], StringComparison.Ordinal);
        Assert.Equal("Trace: key C (char 3, modifiers Control)", log.Entries[3]);
        Assert.Equal("Information: terminal UI ends with exit code 0", log.Entries[^1]);
        Assert.Equal(5, log.Entries.Count);
    }
}
