using IpcLab.Core.Runtime;
using IpcLab.Tui.App;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>Find the bug from the run screen: f runs the checker of ipclab check and opens the shortest failing run.</summary>
public sealed class GuiFindBugTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    [Fact]
    public void F_CargillDeadlockThatEndsCleanlyUnderRoundRobin_OpensTheShortestDeadlock()
    {
        var state = Lesson("cargill-deadlock.ipl");
        state.Session!.GoTo(10_000);
        Assert.Empty(state.Session.Kernel.Findings);
        using var gui = new GuiHarness(state, 100, 30);

        gui.Type("f");
        GoldenFile.Check("gui-find-bug-cargill-deadlock-100x30", gui.Text);
        Assert.Contains("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.StartsWith("explored every schedule (5,174 states, as ipclab check --all): a deadlock is reachable. No schedule reaches it in fewer than 31 steps", gui.State.Status, StringComparison.Ordinal);

        gui.Press(Key.Enter);

        var session = gui.State.Session!;
        var expected = BugFinder.Check(session.Program).Shortest!;
        Assert.Equal(expected, session.Timeline);
        Assert.Equal(session.Timeline.Count, session.Position);
        Assert.Equal(FindingKind.Deadlock, Assert.Single(session.Kernel.Findings).Kind);
        Assert.Contains("no thread can run", gui.Text, StringComparison.Ordinal);
        Assert.Contains("the previous run's", gui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void F_ThenEsc_KeepsTheRunAsItWas()
    {
        using var gui = new GuiHarness(Lesson("cargill-deadlock.ipl"), 100, 30);
        gui.Type("   f");
        var before = gui.State.Session!;

        gui.Press(Key.Esc);

        Assert.Same(before, gui.State.Session);
        Assert.Equal(3, before.Position);
        Assert.Equal(Screen.Run, gui.State.Screen);
        Assert.DoesNotContain("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.StartsWith("kept this run (step 3)", gui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void F_ProgramWithNoBug_SaysSoInASentenceAndOpensNothing()
    {
        using var gui = new GuiHarness(Lesson("lost-update-fix.ipl"), 100, 30);
        var before = gui.State.Session;

        gui.Type("f");

        Assert.Same(before, gui.State.Session);
        Assert.StartsWith("explored every schedule (23 states, as ipclab check --all): none faults, deadlocks or fails a check. That is proof", gui.State.Status, StringComparison.Ordinal);
        Assert.DoesNotContain("Find the bug", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ProgramTooBigToExplore_FallsBackToTheRandomCheckerAndSaysSo()
    {
        var program = Lesson("cargill-deadlock.ipl").Session!.Program;

        var report = BugFinder.Check(program, exploreLimit: 100);

        Assert.False(report.Exhaustive);
        Assert.StartsWith("more than 100 states, too many to explore every schedule here; the checker found a deadlock in ", report.Summary, StringComparison.Ordinal);
        var session = BugFinder.OpenShortest(program, report)!;
        Assert.Equal(FindingKind.Deadlock, Assert.Single(session.Kernel.Findings).Kind);
    }

    /// <summary>An `if` around the only wait: no schedule of the program alone breaks it, a spurious wake-up does.</summary>
    private const string WaitIf = """
        mutex m
        cond changed
        shared ready = 0

        thread waiter:
            lock m
            if ready == 0:
                wait changed, m
            assert ready == 1, "woke up before it was ready"
            unlock m

        thread setter:
            lock m
            ready = 1
            signal changed
            unlock m
        """;

    [Fact]
    public void F_IfAroundTheOnlyWait_FindsItWithInjectedSpuriousWakeupsAndSaysWhatItTried()
    {
        using var dir = new TempFolder();
        var state = TuiVerb.Open(dir.Write("wait-if.ipl", WaitIf), null);
        using var gui = new GuiHarness(state, 100, 30);

        gui.Type("f");

        Assert.Contains("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.StartsWith("explored every schedule with spurious wake-ups injected (", gui.State.Status, StringComparison.Ordinal);
        Assert.Contains("as ipclab check --all --spurious): an assertion failed is reachable", gui.State.Status, StringComparison.Ordinal);
        Assert.EndsWith(". Without injected faults nothing was found", gui.State.Status, StringComparison.Ordinal);

        gui.Press(Key.Enter);

        var session = gui.State.Session!;
        Assert.Contains(session.Timeline, e => e.Kind == ScheduleEntryKind.SpuriousWakeup);
        Assert.Equal(FindingKind.AssertionFailed, session.Kernel.Findings[0].Kind);
    }

    [Fact]
    public void Check_ProgramThatCrashesAProcess_CrashesItAtAnyStepOnceItsOwnSchedulesFindNothing()
    {
        var program = Lesson("robust-mutex.ipl").Session!.Program;

        var injections = BugInjections.Of(program);
        var report = BugFinder.Check(program);

        Assert.Equal(["consumer"], injections.CrashNames);
        Assert.False(injections.SpuriousWakeups);
        Assert.StartsWith("explored every schedule with crashes of consumer at any step injected (", report.Summary, StringComparison.Ordinal);
        Assert.Contains("as ipclab check --all --crash consumer)", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ProgramTooBigToExploreWithInjections_SamplesWithThemAsTheCommandLineDoes()
    {
        using var dir = new TempFolder();
        var program = TuiVerb.Open(dir.Write("wait-if.ipl", WaitIf), null).Session!.Program;

        var report = BugFinder.Check(program, exploreLimit: 5);

        Assert.False(report.Exhaustive);
        Assert.StartsWith("more than 5 states, too many to explore every schedule here; the checker found an assertion failed in ", report.Summary, StringComparison.Ordinal);
        Assert.Contains("random runs with spurious wake-ups injected (seeds 1-1000, as ipclab check --spurious)", report.Summary, StringComparison.Ordinal);
        Assert.Contains(report.Shortest!, e => e.Kind == ScheduleEntryKind.SpuriousWakeup);
    }
}
