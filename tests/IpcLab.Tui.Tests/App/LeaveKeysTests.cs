using IpcLab.Tui.App;
using IpcLab.Tui.Gui;
using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// Leaving: Ctrl-C quits at once; q quits, asking first when the run has steps not saved; Esc
/// closes what is open, goes back from a run to the programs (asking the same), never quits.
/// </summary>
public sealed class LeaveKeysTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private TuiHarness BoundedBuffer() => Open(Repo.Lesson("bounded-buffer.ipl"), workingDirectory: _dir.Path);

    [Fact]
    public void Q_WithUnsavedSteps_AsksAndNStays()
    {
        using var tui = BoundedBuffer();
        var exit = tui.Run(Keys("   q"), Idle(1));

        Assert.Equal(PromptKind.ConfirmQuit, tui.State.Prompt);
        Assert.Equal("the 3 steps of this run are not saved: y to quit without saving, S saves first, n or Esc stays", tui.State.Status);
        Assert.Contains("quit without saving? y / S / n:", tui.Frame, StringComparison.Ordinal);
        Assert.Equal(-1, exit);

        tui.Run(Keys("n"), Idle(1));
        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(Screen.Run, tui.State.Screen);
        Assert.Equal("stayed: nothing changed (step 3)", tui.State.Status);
    }

    [Fact]
    public void Q_ThenSaveThenQ_SavesAndQuitsWithoutAskingAgain()
    {
        using var tui = BoundedBuffer();
        var frames = new List<ConsoleKeyInfo?>(Keys("   qS\rq")) { GuiKeys.FromChar(' ') };

        var exit = tui.Run(frames);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(_dir.File("bounded-buffer.run.json")));
        Assert.Equal(3, tui.Session.Position);
    }

    [Fact]
    public void Q_AtStep0OrInASavedRunAsOpened_QuitsAtOnce()
    {
        using (var atStart = BoundedBuffer())
        {
            Assert.Equal(0, atStart.Run(Keys("q"), Keys("  ")));
            Assert.Equal(0, atStart.Session.Position);
        }

        using var tui = BoundedBuffer();
        tui.Type("     S\r");
        using var reopened = Open(_dir.File("bounded-buffer.run.json"), at: 2);
        var frames = new List<ConsoleKeyInfo?>(Keys("bbq")) { GuiKeys.FromChar(' ') };
        Assert.Equal(0, reopened.Run(frames));
        Assert.Equal(0, reopened.Session.Position);
    }

    [Fact]
    public void Esc_OnRunWithUnsavedSteps_AsksThenYGoesBackToTheProgramsAndDoesNotQuit()
    {
        using var tui = BoundedBuffer();
        tui.Run(Keys("  \x1b"), Idle(1));
        Assert.Equal(PromptKind.ConfirmBack, tui.State.Prompt);
        Assert.Contains("y to go back to the programs without saving", tui.State.Status, StringComparison.Ordinal);

        tui.Run(Keys("y"), Idle(1));
        Assert.Equal(Screen.Start, tui.State.Screen);
        Assert.Equal(PromptKind.None, tui.State.Prompt);
    }

    [Fact]
    public void Esc_OnRunAtStep0_GoesBackToTheProgramsAndEscThereStays()
    {
        using var tui = BoundedBuffer();
        tui.Run(Keys("\x1b"), Idle(1));
        Assert.Equal(Screen.Start, tui.State.Screen);

        tui.Run(Keys("\x1b\x1b"), Idle(1));
        Assert.Equal(Screen.Start, tui.State.Screen);
        Assert.Equal("this is the list of programs: Enter opens one, q quits", tui.State.Status);
    }

    [Fact]
    public void CtrlC_WithUnsavedSteps_QuitsAtOnce()
    {
        using var tui = BoundedBuffer();
        var frames = new List<ConsoleKeyInfo?>(Keys("     \x03")) { GuiKeys.FromChar(' ') };

        Assert.Equal(0, tui.Run(frames));
        Assert.Equal(5, tui.Session.Position);
    }
}
