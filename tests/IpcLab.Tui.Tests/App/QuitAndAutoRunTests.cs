using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>On the run screen: quitting, Ctrl-Z, auto-run on the virtual clock, and what a resize does to a run.</summary>
public sealed class QuitAndAutoRunTests
{
    private static TuiHarness BoundedBuffer() => Open(Repo.Lesson("bounded-buffer.ipl"));

    [Theory]
    [InlineData("   \x03")]
    [InlineData("   g1\x03")]
    [InlineData("   ?\x03")]
    [InlineData("   qy")]
    public void CtrlCOrQConfirmed_MidRun_QuitAndLaterKeysAreNotRead(string keys)
    {
        using var tui = BoundedBuffer();

        var exit = tui.Run(Keys(keys + " "));

        Assert.Equal(0, exit);
        Assert.Equal(3, tui.Session.Position);
        Assert.Equal(keys.Length + 1, tui.Frames.Count);
    }

    [Fact]
    public void CtrlZ_WhileAutoRunning_PausesTheRunAndStays()
    {
        using var tui = BoundedBuffer();

        var exit = tui.Run(Keys("  r\x1a"), Idle(100));

        Assert.Equal(-1, exit);
        Assert.False(tui.State.Running);
        Assert.Equal(2, tui.Session.Position);
        Assert.Equal("back after Ctrl-Z (the run was paused)", tui.State.Status);
        Assert.Contains("back after Ctrl-Z", tui.Frame, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoRun_OnTheVirtualClock_StepsEverySpeedMsAndRPauses()
    {
        using var tui = BoundedBuffer();

        // A tick before r (as on a live screen, where they never stop); then 94 ticks of 10 ms are 940 ms: steps at 300, 600 and 900.
        tui.Run(Idle(1), Keys("r"), Idle(94));
        Assert.True(tui.State.Running);
        Assert.Equal(3, tui.Session.Position);
        Assert.StartsWith("step 3: ", tui.State.Status, StringComparison.Ordinal);

        tui.Run(Keys("r"), Idle(200));
        Assert.False(tui.State.Running);
        Assert.Equal(3, tui.Session.Position);
    }

    [Fact]
    public void AutoRun_RunIsOver_StopsByItself()
    {
        using var tui = BoundedBuffer();
        tui.Run(Keys(new string('+', 10) + "r"), Idle(20_000));

        Assert.False(tui.State.Running);
        Assert.True(tui.Session.IsOver);
        Assert.StartsWith("the run is over at step ", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenPrompt_DuringAutoRun_PausesAutoRun()
    {
        using var tui = BoundedBuffer();
        tui.Run(Keys("rg"), Idle(100));

        Assert.False(tui.State.Running);
        Assert.Equal(0, tui.Session.Position);
    }

    [Fact]
    public void Resize_BelowTheMinimum_ShowsTheNoticeAndBackAboveItTheRun()
    {
        using var tui = BoundedBuffer();
        tui.Type(" ");

        tui.Resize(90, 30);
        Assert.Contains("terminal is 90x30", tui.Frame, StringComparison.Ordinal);

        tui.Resize(120, 40);
        Assert.DoesNotContain("terminal is", tui.Frame, StringComparison.Ordinal);
        Assert.Contains("producer-1", tui.Frame, StringComparison.Ordinal);
        Assert.Equal(1, tui.Session.Position);
    }

    [Fact]
    public void AutoRun_StepFindsSomething_PausesThereAndSaysSo()
    {
        // Under round-robin a consumer takes from the empty buffer at step 33; the deadlock follows at 35.
        using var tui = Open(Repo.Lesson("bounded-buffer-if.ipl"));
        tui.Run(Keys(new string('+', 10) + "r"), Idle(20_000));

        Assert.False(tui.State.Running);
        Assert.Equal(33, tui.Session.Position);
        Assert.StartsWith("paused at a finding: step 33: consumer-2 faults at line 22: take from empty queue buffer", tui.State.Status, StringComparison.Ordinal);

        tui.Run(Keys("r"), Idle(20_000));
        Assert.Equal(35, tui.Session.Position);
        Assert.StartsWith("the run is over at step 35: ", tui.State.Status, StringComparison.Ordinal);
        Assert.Contains("deadlock: no thread can run", tui.State.Status, StringComparison.Ordinal);
    }
}
