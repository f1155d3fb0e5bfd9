using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>The key loop itself: quitting, auto-run on the injected clock, redraw after a resize, quit requests from signals.</summary>
public sealed class LoopTests
{
    private static TuiHarness BoundedBuffer() => Open(Repo.Lesson("bounded-buffer.ipl"));

    [Theory]
    [InlineData("   \x03")]
    [InlineData("   g1\x03")]
    [InlineData("   ?\x03")]
    [InlineData("   qy")]
    public void CtrlCOrQConfirmed_MidRun_QuitWithExitCode0AndLaterKeysAreNotRead(string keys)
    {
        var tui = BoundedBuffer();
        var source = new List<ConsoleKeyInfo?>(Keys(keys)) { ScriptedKey(' ') };

        var exit = tui.Run(source);

        Assert.Equal(0, exit);
        Assert.Equal(3, tui.Session.Position);
        Assert.Equal(keys.Length, tui.Terminal.Frames.Count);
    }

    [Fact]
    public void CtrlZ_WithASuspend_PausesAutoRunAndSuspendsOnce()
    {
        var tui = BoundedBuffer();
        var suspended = 0;
        tui.Suspend = () => suspended++;

        var exit = tui.Run(Keys("  r\x1a"), Idle(1));

        Assert.Equal(0, exit);
        Assert.Equal(1, suspended);
        Assert.False(tui.State.Running);
        Assert.Equal("back after Ctrl-Z (the run was paused)", tui.State.Status);
    }

    [Fact]
    public void CtrlZ_WhereSuspendIsImpossible_SaysSoAndKeepsRunning()
    {
        var tui = BoundedBuffer();

        tui.Type("\x1a");

        Assert.Equal("Ctrl-Z cannot suspend here: q quits", tui.State.Status);
        Assert.Contains("Ctrl-Z cannot suspend here", tui.Frame, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoRun_OnInjectedClock_StepsEverySpeedMsAndRPauses()
    {
        var tui = BoundedBuffer();

        // Polls find no key: the loop sleeps 10 ms per poll, so 95 polls are 940 ms: steps at 300, 600 and 900.
        tui.Run(Keys("r"), Idle(95));
        Assert.True(tui.State.Running);
        Assert.Equal(3, tui.Session.Position);
        Assert.Equal(2 + 3, tui.Terminal.Frames.Count);
        Assert.StartsWith("step 3: ", tui.State.Status, StringComparison.Ordinal);

        tui.Run(Keys("r"), Idle(200));
        Assert.False(tui.State.Running);
        Assert.Equal(3, tui.Session.Position);
    }

    [Fact]
    public void AutoRun_RunIsOver_StopsByItself()
    {
        var tui = BoundedBuffer();
        tui.Run(Keys(new string('+', 10) + "r"), Idle(20_000));

        Assert.False(tui.State.Running);
        Assert.True(tui.Session.IsOver);
        Assert.StartsWith("the run is over at step ", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenPrompt_DuringAutoRun_PausesAutoRun()
    {
        var tui = BoundedBuffer();
        tui.Run(Keys("rg"), Idle(100));

        Assert.False(tui.State.Running);
        Assert.Equal(0, tui.Session.Position);
    }

    [Fact]
    public void Resize_BetweenFrames_RedrawsWithClearAtNewSize()
    {
        var tui = BoundedBuffer();
        tui.Terminal.AfterDraw = n =>
        {
            if (n == 2)
            {
                (tui.Terminal.Width, tui.Terminal.Height) = (90, 30);
            }
        };
        tui.Run(Keys(" "), Idle(1));

        Assert.Equal([true, false, true], tui.Terminal.Clears);
        Assert.Contains("terminal is 90x30", tui.Frame, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoRun_WindowTooSmallToDraw_Pauses()
    {
        var tui = BoundedBuffer();
        tui.Terminal.AfterDraw = n =>
        {
            if (n == 2)
            {
                (tui.Terminal.Width, tui.Terminal.Height) = (90, 30);
            }
        };
        tui.Run(Keys("r"), Idle(100));

        Assert.False(tui.State.Running);
        Assert.Equal(0, tui.Session.Position);
        Assert.Equal("paused: the window was 90x30, too small to draw the run (r runs on)", tui.State.Status);
    }

    [Fact]
    public void AutoRun_StepFindsSomething_PausesThereAndSaysSo()
    {
        // Under round-robin a consumer takes from the empty buffer at step 33; the deadlock follows at 35.
        var tui = Open(Repo.Lesson("bounded-buffer-if.ipl"));
        tui.Run(Keys(new string('+', 10) + "r"), Idle(20_000));

        Assert.False(tui.State.Running);
        Assert.Equal(33, tui.Session.Position);
        Assert.StartsWith("paused at a finding: step 33: consumer-2 faults at line 22: take from empty queue buffer", tui.State.Status, StringComparison.Ordinal);

        tui.Run(Keys("r"), Idle(20_000));
        Assert.Equal(35, tui.Session.Position);
        Assert.StartsWith("the run is over at step 35: ", tui.State.Status, StringComparison.Ordinal);
        Assert.Contains("deadlock: no thread can run", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void QuitRequest_FromSignal_EndsLoopWithItsExitCode()
    {
        var tui = BoundedBuffer();
        tui.Signals.RequestQuit(130);
        tui.Signals.RequestQuit(143);

        Assert.Equal(130, tui.Run(Keys("   ")));
        Assert.Equal(0, tui.Session.Position);
    }

    [Fact]
    public void RedrawRequest_FromSignal_RedrawsWithClear()
    {
        var tui = BoundedBuffer();
        tui.Signals.RequestRedraw();
        tui.Run(Idle(1));

        Assert.Equal([true, true], tui.Terminal.Clears);
    }

    private static ConsoleKeyInfo? ScriptedKey(char c) => IpcLab.Tui.App.ScriptedKeySource.Char(c);
}
