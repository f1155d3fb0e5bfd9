using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.Views;
using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>A signal with several waiters asks which one to wake; a number picks, Enter takes the first in line.</summary>
public sealed class WakeChoiceTests : IDisposable
{
    // Two waiters join c's queue (waiter-1 first), then the signaller signals c once.
    private const string Script = TuiScenarios.TwoWaiters;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private TuiHarness TwoWaiters() => Open(_dir.Write("two-waiters.ipl", Script));

    [Fact]
    public void RunSignaller_TwoWaiters_AsksAnd2WakesSecondWaiter()
    {
        using var tui = TwoWaiters();
        tui.Type("112233");
        Assert.Equal(PromptKind.WakeChoice, tui.State.Prompt);
        Assert.Equal(2, tui.State.WakeChoiceThread);
        Assert.Equal([0, 1], tui.State.WakeChoices);
        Assert.Equal(5, tui.Session.Position);
        Assert.Contains("wake which waiter?", tui.Frame, StringComparison.Ordinal);

        tui.Type("2");
        var k = tui.Session.Kernel;
        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(ScheduleEntry.Run(2, woken: 1), tui.Session.Timeline[^1]);
        Assert.Equal(ThreadStatus.Waiting, k.StatusOf(0));
        Assert.NotEqual(ThreadStatus.Waiting, k.StatusOf(1));
        Assert.Equal("step 6: signaller signals c: wakes waiter-2; waiter-2 wakes up from c and must re-acquire its mutex", tui.State.Status);
    }

    [Fact]
    public void Enter_InWakeChoice_WakesFirstInLine()
    {
        using var tui = TwoWaiters();
        tui.Type("112233\r");

        Assert.Equal(ScheduleEntry.Run(2, woken: 0), tui.Session.Timeline[^1]);
        Assert.NotEqual(ThreadStatus.Waiting, tui.Session.Kernel.StatusOf(0));
        Assert.Equal(ThreadStatus.Waiting, tui.Session.Kernel.StatusOf(1));
    }

    [Fact]
    public void WakeChoice_NumberOutsideWaitersThenEsc_KeepsAskingThenRunsNothing()
    {
        using var tui = TwoWaiters();
        tui.Type("1122339");
        Assert.Equal(PromptKind.WakeChoice, tui.State.Prompt);
        Assert.Equal(5, tui.Session.Position);

        tui.Run(Keys("\x1b"), Idle(1));
        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(5, tui.Session.Position);
        Assert.Equal("cancelled: nothing ran (step 5)", tui.State.Status);
    }

    [Fact]
    public void Space_InManualMode_AsksTooAndSameChoiceAfterGoingBackKeepsFuture()
    {
        using var tui = TwoWaiters();
        tui.Type("ss1122");
        Assert.Equal(SchedulerKind.Manual, tui.Session.Scheduler);

        // Manual space runs the thread that ran last if it can, else the first ready one: the signaller.
        tui.Type("  ");
        Assert.Equal(PromptKind.WakeChoice, tui.State.Prompt);
        tui.Type("2  ");
        Assert.Equal(8, tui.Session.Timeline.Count);

        tui.Type("g5\r32");
        Assert.Equal(6, tui.Session.Position);
        Assert.Equal(8, tui.Session.Timeline.Count);
        Assert.Equal(ScheduleEntry.Run(2, woken: 1), tui.Session.Timeline[5]);
    }

    [Fact]
    public void WakeChoice_QueueOrderUnlikeThreadOrder_NumbersWaitersByThreadNumber()
    {
        // waiter-2 joins c's queue first, then waiter-1: the queue is waiter-2, waiter-1.
        using var tui = TwoWaiters();
        tui.Type("221133");
        Assert.Equal([1, 0], tui.State.WakeChoices);
        Assert.Contains("wake which waiter? 2 waiter-2, 1 waiter-1 (Enter = 2 waiter-2, first in line; Esc cancels)", tui.State.Status, StringComparison.Ordinal);
        Assert.Contains("wake which waiter? 2 waiter-2 · 1 waiter-1", tui.Frame, StringComparison.Ordinal);

        tui.Type("3");
        Assert.Equal(PromptKind.WakeChoice, tui.State.Prompt);

        tui.Type("1");
        Assert.Equal(ScheduleEntry.Run(2, woken: 0), tui.Session.Timeline[^1]);
        Assert.NotEqual(ThreadStatus.Waiting, tui.Session.Kernel.StatusOf(0));
        Assert.Equal(ThreadStatus.Waiting, tui.Session.Kernel.StatusOf(1));
    }

    [Fact]
    public void WakeChoice_TwelveWaiters_OneWaitsForASecondDigitAnd12WakesThreadTwelve()
    {
        using var tui = Open(_dir.Write("twelve-waiters.ipl", Script.Replace("waiter * 2", "waiter * 12", StringComparison.Ordinal)));
        tui.Type("ss");
        for (var t = 0; t < 12; t++)
        {
            Assert.Null(tui.Session.StepThread(t)); // lock m
            Assert.Null(tui.Session.StepThread(t)); // wait c, m
        }

        Assert.Null(tui.Session.StepThread(12)); // signaller: lock m
        tui.Type(" ");
        Assert.Equal(PromptKind.WakeChoice, tui.State.Prompt);

        tui.Type("1");
        Assert.Equal(PromptKind.WakeChoice, tui.State.Prompt);
        Assert.Equal("1", tui.State.PromptInput);
        Assert.Contains("wake which waiter? 1▏  1 waiter-1", tui.Frame, StringComparison.Ordinal);

        tui.Type("2");
        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(ScheduleEntry.Run(12, woken: 11), tui.Session.Timeline[^1]);
    }

    [Theory]
    [InlineData("1\r", 0)]
    [InlineData("3", 2)]
    [InlineData("1\u007f10", 9)]
    public void WakeChoice_TwelveWaiters_EnterOrAnUnambiguousDigitWakes(string typed, int woken)
    {
        using var tui = Open(_dir.Write("twelve-waiters.ipl", Script.Replace("waiter * 2", "waiter * 12", StringComparison.Ordinal)));
        tui.Type("ss");
        for (var t = 0; t < 12; t++)
        {
            tui.Session.StepThread(t);
            tui.Session.StepThread(t);
        }

        tui.Session.StepThread(12);
        tui.Type(" ");

        tui.Type(typed);

        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(ScheduleEntry.Run(12, woken), tui.Session.Timeline[^1]);
    }

    [Fact]
    public void CrashPrompt_ThirteenThreads_SaysTheRangeAndCrashesThreadTwelve()
    {
        using var tui = Open(_dir.Write("twelve-waiters.ipl", Script.Replace("waiter * 2", "waiter * 12", StringComparison.Ordinal)));

        tui.Type("c");
        Assert.Contains("crash thread (1-13): ", tui.Frame, StringComparison.Ordinal);
        tui.Type("12\r");

        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(ThreadStatus.Faulted, tui.Session.Kernel.StatusOf(11));
    }
}
