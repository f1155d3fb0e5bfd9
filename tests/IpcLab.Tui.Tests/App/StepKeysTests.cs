using IpcLab.Core.Runtime;
using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>Stepping, stepping back and choosing threads with the keys, on the bounded buffer.</summary>
public sealed class StepKeysTests
{
    private static TuiHarness BoundedBuffer() => Open(Repo.Lesson("bounded-buffer.ipl"));

    [Fact]
    public void Step_Forward20ThenBack20_ShowsSameFrameAtEveryStep()
    {
        using var tui = BoundedBuffer();
        tui.Run(Keys(new string(' ', 20)), Keys(new string('b', 20)), Keys(new string(' ', 20)));

        // Frames: [0] start, [1..20] first pass, [21..40] back at steps 19..0, [41..60] redo at steps 1..20.
        var frames = tui.Frames;
        Assert.Equal(61, frames.Count);
        for (var step = 1; step < 20; step++)
        {
            Assert.Equal(frames[40 - step], frames[40 + step]);
        }

        Assert.Equal(frames[20], frames[60]);
        Assert.Equal(20, tui.Session.Position);
        Assert.Contains("step 20:", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrowKeys_RightAndLeft_StepLikeSpaceAndB()
    {
        using var spaces = BoundedBuffer();
        spaces.Type("       bb");
        using var arrows = BoundedBuffer();
        arrows.Run(Press(ConsoleKey.RightArrow, 7), Press(ConsoleKey.LeftArrow, 2));

        Assert.Equal(5, arrows.Session.Position);
        Assert.Equal(spaces.Frame, arrows.Frame);
    }

    [Fact]
    public void Step_BlockedThread_IsRefusedWithReasonInStatus()
    {
        using var tui = BoundedBuffer();
        tui.Type("     2");

        Assert.Equal(5, tui.Session.Position);
        Assert.Equal("producer-2 cannot run: producer-2 waits on mutex m held by producer-1", tui.State.Status);
        Assert.Contains("producer-2 cannot run", tui.Frame, StringComparison.Ordinal);
        Assert.Equal(1, tui.State.SelectedThread);
    }

    [Fact]
    public void DigitKey_RunnableThread_RunsItAndStatusSaysWhatItDid()
    {
        using var tui = BoundedBuffer();
        tui.Type("1111");

        Assert.Equal(4, tui.Session.Position);
        Assert.All(tui.Session.Timeline, e => Assert.Equal(0, e.Thread));
        Assert.StartsWith("step 4: producer-1 ", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void DigitKey_NumberBeyondProgramThreads_IsExplained()
    {
        using var tui = BoundedBuffer();
        tui.Type("7");

        Assert.Equal(0, tui.Session.Position);
        Assert.Equal("there is no thread 7: this program has threads 1-3", tui.State.Status);
    }

    [Fact]
    public void UpDownThenEnter_OnRunScreen_SelectsThreadAndRunsIt()
    {
        using var tui = BoundedBuffer();
        tui.Run(Press(ConsoleKey.DownArrow, 5), Press(ConsoleKey.UpArrow), Press(ConsoleKey.Enter));

        Assert.Equal(1, tui.State.SelectedThread);
        Assert.Equal(ScheduleEntry.Run(1), Assert.Single(tui.Session.Timeline));
    }

    [Fact]
    public void ZeroAndHome_AfterSteps_GoToStep0KeepingTheStepsAndSaySo()
    {
        using var tui = BoundedBuffer();
        tui.Type("      0");
        Assert.Equal(0, tui.Session.Position);
        Assert.Equal(6, tui.Session.Timeline.Count);
        Assert.Equal("back to step 0: the 6 steps recorded stay ahead (space redoes them; 0 again drops them for a new run)", tui.State.Status);

        tui.Run(Keys("   "), Press(ConsoleKey.Home));
        Assert.Equal(0, tui.Session.Position);
        Assert.Equal(6, tui.Session.Timeline.Count);
    }

    [Fact]
    public void Zero_PressedAgainAtStep0_DropsTheRecordedStepsAndSaysHowMany()
    {
        using var tui = BoundedBuffer();
        tui.Type("    00");

        Assert.Empty(tui.Session.Timeline);
        Assert.Equal("restarted: dropped the 4 steps recorded; step 0, nothing has run yet (scheduler: round-robin)", tui.State.Status);
    }

    [Fact]
    public void RunThread_AfterSteppingBack_SaysTheFutureIsSetAsideAndUBringsItBack()
    {
        using var tui = BoundedBuffer();
        tui.Type("      bbbb");
        var before = tui.Session.Timeline.ToArray();

        // Round-robin ran the consumer at step 3; producer-1 takes that step instead.
        tui.Type("1");
        Assert.Equal(3, tui.Session.Timeline.Count);
        Assert.EndsWith(" — a new future from step 2: the 4 steps that were ahead are set aside (u brings them back)", tui.State.Status, StringComparison.Ordinal);

        tui.Type("u");
        Assert.Equal(2, tui.Session.Position);
        Assert.Equal(before, tui.Session.Timeline);
        Assert.Equal("back to the other future: 4 steps from step 2 ahead (space redoes them; u swaps again)", tui.State.Status);

        tui.Type("u");
        Assert.Equal(3, tui.Session.Timeline.Count);
        Assert.Equal(ScheduleEntry.Run(0), tui.Session.Timeline[2]);
    }

    [Fact]
    public void U_WithNothingSetAside_SaysSo()
    {
        using var tui = BoundedBuffer();
        tui.Type("  u");

        Assert.StartsWith("no other future to go back to", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void StepBack_AtStep0_SaysNothingToUndo()
    {
        using var tui = BoundedBuffer();
        tui.Type("b");

        Assert.Equal(0, tui.Session.Position);
        Assert.StartsWith("step 0: already at the start", tui.State.Status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('n', "blocks on m")]
    [InlineData('w', "was first in line and now holds it")]
    [InlineData('d', "puts")]
    public void NextBlockWakeUpAndDelivery_FromStep0_StopAtStepWithThatEvent(char key, string expected)
    {
        using var tui = BoundedBuffer();
        tui.Type(key.ToString());

        Assert.True(tui.Session.Position > 0);
        Assert.StartsWith($"step {tui.Session.Position}: ", tui.State.Status, StringComparison.Ordinal);
        Assert.Contains(expected, tui.State.Status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("socket-echo.ipl", 'n', "blocks on ready")]
    [InlineData("socket-echo.ipl", 'd', "srv gets \"he\" on fd 4")]
    [InlineData("mqueue-priorities.ipl", 'd', "receives")]
    [InlineData("socket-echo.ipl", 'w', "srv posts ready; cli was first in line and takes the unit")]
    [InlineData("socket-select.ipl", 'w', "was first in line and takes the unit")]
    public void NextBlockWakeUpAndDelivery_BetweenProcesses_StopAtSocketsAndMessages(string lesson, char key, string expected)
    {
        using var tui = Open(Repo.Lesson(lesson));
        tui.Type(key.ToString());

        var k = tui.Session.Kernel;
        var sentences = k.Events.Where(e => e.Step == tui.Session.Position).Select(e => Core.Runtime.EventText.Describe(e, k.Program, k.Strings));
        Assert.Contains(sentences, s => s.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Step_PastTheEnd_SaysRunIsOver()
    {
        using var tui = BoundedBuffer();
        tui.Type("g500\r ");

        Assert.True(tui.Session.IsOver);
        Assert.Equal($"the run is over at step {tui.Session.Position}: every thread has finished", tui.State.Status);
    }
}
