using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;
using static IpcLab.Tui.Tests.App.TuiHarness;

namespace IpcLab.Tui.Tests.App;

/// <summary>The one-line prompts: go to step, seed, spurious wake-up, crash; and the scheduler and speed keys.</summary>
public sealed class PromptTests
{
    private static TuiHarness BoundedBuffer() => Open(Repo.Lesson("bounded-buffer.ipl"));

    [Fact]
    public void GoToStep_StepTypedAndEntered_JumpsToTypedStep()
    {
        using var tui = BoundedBuffer();
        tui.Type("g40");
        Assert.Equal(PromptKind.GoToStep, tui.State.Prompt);
        Assert.Equal("40", tui.State.PromptInput);
        Assert.Contains("go to step: 40", tui.Frame, StringComparison.Ordinal);

        tui.Type("\r");
        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(40, tui.Session.Position);
        Assert.StartsWith("step 40: ", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void GoToStep_EditedInputOrEarlierStep_TakesBackspaceIgnoresLettersAndGoesBack()
    {
        using var tui = BoundedBuffer();
        tui.Type("g45x\b2\r");
        Assert.Equal(42, tui.Session.Position);

        tui.Type("g7\r");
        Assert.Equal(7, tui.Session.Position);
        Assert.Equal(42, tui.Session.Timeline.Count);
    }

    [Fact]
    public void Esc_InPrompt_CancelsWithoutQuitting()
    {
        using var tui = BoundedBuffer();
        var exit = tui.Run(Keys("   g12\x1b"), Idle(1));

        Assert.Equal(-1, exit);
        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Equal(3, tui.Session.Position);
        Assert.Equal("cancelled: nothing changed (step 3)", tui.State.Status);
        Assert.Equal(Screen.Run, tui.State.Screen);
    }

    [Fact]
    public void KeySAndKeyE_OnRunScreen_CycleSchedulerAndSetSeed()
    {
        using var tui = BoundedBuffer();
        tui.Type("s");
        Assert.Equal("scheduler: random (seed 1)", tui.State.Status);
        tui.Type("s");
        Assert.Equal(SchedulerKind.Manual, tui.Session.Scheduler);
        tui.Type("s");
        Assert.Equal(SchedulerKind.RoundRobin, tui.Session.Scheduler);

        tui.Type("e77\r");
        Assert.Equal(SchedulerKind.Random, tui.Session.Scheduler);
        Assert.Equal(77UL, tui.Session.Seed);
        Assert.Contains("random (seed 77)", tui.Frame, StringComparison.Ordinal);
    }

    [Fact]
    public void PlusAndMinus_PressedRepeatedly_ChangeSpeedWithin50To2000Ms()
    {
        using var tui = BoundedBuffer();
        tui.Type("+");
        Assert.Equal(200, tui.State.SpeedMs);
        tui.Type(new string('+', 20));
        Assert.Equal(50, tui.State.SpeedMs);
        tui.Type(new string('-', 30));
        Assert.Equal(2000, tui.State.SpeedMs);
        Assert.Contains("2000 ms (the slowest)", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyC_ThreadNumberTyped_CrashesThatThread()
    {
        using var tui = BoundedBuffer();
        tui.Type("  c1\r");

        Assert.Equal(ThreadStatus.Faulted, tui.Session.Kernel.StatusOf(0));
        Assert.Equal(new ScheduleEntry(ScheduleEntryKind.Crash, 0), tui.Session.Timeline[^1]);
        Assert.StartsWith("step 3: producer-1 crashes", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyK_ProcessNumberTyped_CrashesTheWholeProcessAndListsTheChoices()
    {
        using var tui = Open(Repo.Lesson("shm-ring.ipl"));
        tui.Type("  k");
        Assert.Equal(PromptKind.CrashProcess, tui.State.Prompt);
        Assert.Contains("1 producer, 2 consumer: type a number", tui.Frame, StringComparison.Ordinal);

        tui.Type("2\r");

        var kernel = tui.Session.Kernel;
        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(kernel.Program.ThreadIdOf("reader")));
        Assert.Equal(new ScheduleEntry(ScheduleEntryKind.ProcessCrash, 1), tui.Session.Timeline[^1]);
        Assert.StartsWith("step 3: process consumer crashes: 1 thread stopped", tui.State.Status, StringComparison.Ordinal);

        tui.Type("k2\r");
        Assert.Equal("process consumer has already ended", tui.State.Status);
    }

    [Fact]
    public void KeyI_WaitingAndNonWaitingThreads_WakesWaiterSpuriouslyAndRefusesNonWaiter()
    {
        using var tui = BoundedBuffer();
        tui.Type("i");
        Assert.Equal(PromptKind.None, tui.State.Prompt);
        Assert.Contains("none can be chosen now", tui.State.Status, StringComparison.Ordinal);

        // The consumer alone: it locks m, finds the buffer empty and waits on notEmpty.
        tui.Type("3333");
        Assert.Equal(ThreadStatus.Waiting, tui.Session.Kernel.StatusOf(2));
        tui.Type("i1\r");
        Assert.Equal("producer-1 is not waiting on a condition variable", tui.State.Status);
        tui.Type("i3\r");
        Assert.NotEqual(ThreadStatus.Waiting, tui.Session.Kernel.StatusOf(2));
        Assert.Contains("spurious wake-up", tui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionMarkAndEsc_OnRunScreen_OpenAndCloseHelp()
    {
        using var tui = BoundedBuffer();
        tui.Type("?");
        Assert.Equal(Screen.Help, tui.State.Screen);
        tui.Type("?");
        Assert.Equal(Screen.Run, tui.State.Screen);
        tui.Run(Keys("?\x1b"), Idle(1));
        Assert.Equal(Screen.Run, tui.State.Screen);
    }
}
