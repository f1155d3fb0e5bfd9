using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sampling;

/// <summary>The shrinker: breadth-first to a shortest run where the graph is small, delta debugging within a budget where it is not, and progress on long work.</summary>
public sealed class ShrinkerTests
{
    [Fact]
    public void Shrink_OneConditionVariableDeadlockOf88To150Steps_ShrinksToTheExplorersShortest()
    {
        var program = SamplingPrograms.OneConditionVariable(p: 2, c: 2, b: 1, k: 3);
        var found = LongRun(program, FindingKind.Deadlock, 88, 150);
        var shortest = Explorer.Explore(program, new ExploreOptions()).Findings.Single(f => f.Kind == FindingKind.Deadlock).Schedule.Count;

        var shrunk = ScheduleShrinker.Shrink(program, found, 10_000, progress: null);

        Assert.Equal(34, shortest);
        Assert.Equal(shortest, shrunk.Run.Schedule.Count);
        Assert.Equal(ShrinkMethod.BreadthFirst, shrunk.Method);
        Assert.True(shrunk.IsShortest);
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(program), shrunk.Run.Schedule).Findings, f => f.Kind == FindingKind.Deadlock);
    }

    [Fact]
    public void Shrink_FailedFinalCheckAfterLongSpinning_ReportedAtItsShortLength()
    {
        var program = SamplingPrograms.RaceWithSpinner;
        var found = LongRun(program, FindingKind.ExpectFailed, 30, 400);
        var shortest = Explorer.Explore(program, new ExploreOptions()).Findings.Single(f => f.Kind == FindingKind.ExpectFailed).Schedule.Count;

        var shrunk = ScheduleShrinker.Shrink(program, found, 10_000, progress: null);

        Assert.Equal(13, shortest);
        Assert.True(found.Schedule.Count > shortest);
        Assert.Equal(shortest, shrunk.Run.Schedule.Count);
    }

    [Fact]
    public void Shrink_DeadlockAfter1600StepsOrMore_BreadthFirstFindsItsShortest()
    {
        var program = SamplingPrograms.LateDeadlock(rounds: 500);
        var found = LongRun(program, FindingKind.DeadlockCycle, 1600, 10_000);
        var shortest = Explorer.Explore(program, new ExploreOptions()).Findings.Single(f => f.Kind == FindingKind.DeadlockCycle).Schedule.Count;

        var shrunk = ScheduleShrinker.Shrink(program, found, 10_000, progress: null);

        Assert.Equal(ShrinkMethod.BreadthFirst, shrunk.Method);
        Assert.Equal(1_507, shortest);
        Assert.Equal(shortest, shrunk.Run.Schedule.Count);
        Assert.InRange(shrunk.States, 1, ScheduleShrinker.DefaultStateBudget);
    }

    [Fact]
    public void Shrink_GraphOverTheStateBudget_DeltaDebuggingStopsAtItsStepBudgetAndTellsItsProgress()
    {
        var program = SamplingPrograms.LateDeadlock(rounds: 500);
        var found = LongRun(program, FindingKind.DeadlockCycle, 1600, 10_000);
        var told = new List<string>();
        const long stepBudget = 1_000_000;

        var shrunk = ScheduleShrinker.Shrink(program, found, 10_000, told.Add, stateBudget: 300, stepBudget: stepBudget, shortcutBudget: 0, endingBudget: 0);

        Assert.Equal(ShrinkMethod.DeltaDebugging, shrunk.Method);
        Assert.True(shrunk.Run.Schedule.Count <= found.Schedule.Count);
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(program), shrunk.Run.Schedule).Findings, f => f.Kind == FindingKind.DeadlockCycle);

        // The work is bounded by the budgets: the search's transitions from 300 states, then the
        // candidates, of which the last may run over by one run's length.
        Assert.InRange(shrunk.Steps, 1, stepBudget + (300 * 4) + 10_000);
        Assert.StartsWith($"shrinking the {found.Schedule.Count}-step run: breadth-first from the start, at most 300 states", told[0], StringComparison.Ordinal);
        Assert.True(told.Count > 1);
        Assert.All(told.Skip(1), line => Assert.StartsWith("shrinking by delta debugging: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OneConditionVariableP3C3B2_ShrinksTheSampledRunToTheExhaustiveShortest()
    {
        var program = SamplingPrograms.OneConditionVariable(p: 3, c: 3, b: 2, k: 2);
        var shortest = Explorer.Explore(program, new ExploreOptions { Symmetry = true, Merge = true }).Findings.Single(f => f.Kind == FindingKind.Deadlock).Schedule.Count;

        var report = Checker.Check(program, new CheckOptions());

        // The same as `ipclab check --all --symmetry --merge` and SPIN's breadth-first search give.
        Assert.Equal(69, shortest);
        Assert.True(report.Shortest!.Schedule.Count > shortest);
        Assert.Equal(shortest, report.Shrunk!.Schedule.Count);
        Assert.Equal(ShrinkMethod.BreadthFirst, report.Shrink!.Method);
        Assert.InRange(report.Shrink.States, 1, ScheduleShrinker.DefaultStateBudget);
        Assert.InRange(report.Shrink.Steps, 1, 10L * ScheduleShrinker.DefaultStateBudget);
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(program), report.Shrunk.Schedule).Findings, f => f.Kind == FindingKind.Deadlock);
    }

    [Fact]
    public void Check_OneConditionVariableP3C3B2K3_EndingsSearchedBackFromTheFindingReachTheExhaustiveShortest()
    {
        // Too big for the breadth-first budget: `check --all --symmetry --merge` needs 3,037,832
        // states and finds 72 steps (the test of the explorer is the README's measurement; here the
        // shrinker must get there alone, within its budgets).
        var program = SamplingPrograms.OneConditionVariable(p: 3, c: 3, b: 2, k: 3);
        var told = new List<string>();

        var report = Checker.Check(program, new CheckOptions { ShrinkProgress = told.Add });

        Assert.Equal(78, report.Shortest!.Schedule.Count);
        Assert.Equal(72, report.Shrunk!.Schedule.Count);
        Assert.Equal(ShrinkMethod.Endings, report.Shrink!.Method);
        Assert.True(report.Shrink.Endings > 0);
        Assert.InRange(report.Shrink.EndingStates, 1, ScheduleShrinker.DefaultEndingBudget);
        Assert.Contains(told, line => line.StartsWith("shrinking by endings: 78 steps down to 72 so far", StringComparison.Ordinal));
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(program), report.Shrunk.Schedule).Findings, f => f.Kind == FindingKind.Deadlock);
    }

    [Fact]
    public void Shrink_GraphOverTheStateBudget_EndingsBackToTheStartGiveAShortestRun()
    {
        var program = SamplingPrograms.OneConditionVariable(p: 2, c: 2, b: 1, k: 3);
        var found = LongRun(program, FindingKind.Deadlock, 88, 150);
        var told = new List<string>();

        var shrunk = ScheduleShrinker.Shrink(program, found, 10_000, told.Add, stateBudget: 500, shortcutBudget: 0);

        // The breadth-first search from the start stops at 500 states; the searches back from the
        // finding grow until one starts at the start itself and goes to the end.
        Assert.Equal(ShrinkMethod.Endings, shrunk.Method);
        Assert.True(shrunk.IsShortest);
        Assert.Equal(34, shrunk.Run.Schedule.Count);
        Assert.InRange(shrunk.EndingStates, 1, ScheduleShrinker.DefaultEndingBudget);
        Assert.Contains(told, line => line.StartsWith("shrinking by endings: ", StringComparison.Ordinal) && line.Contains("searched from step 0,", StringComparison.Ordinal));
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(program), shrunk.Run.Schedule).Findings, f => f.Kind == FindingKind.Deadlock);
    }

    [Fact]
    public void Shrink_EndingBudgetTooSmallForTheStart_StopsWithinItAndKeepsWhatItFound()
    {
        var program = SamplingPrograms.OneConditionVariable(p: 2, c: 2, b: 1, k: 3);
        var found = LongRun(program, FindingKind.Deadlock, 88, 150);
        const long endingBudget = 2_000;

        var shrunk = ScheduleShrinker.Shrink(program, found, 10_000, progress: null, stateBudget: 500, shortcutBudget: 0, endingBudget: endingBudget);

        Assert.False(shrunk.IsShortest);
        Assert.InRange(shrunk.EndingStates, 1, endingBudget);
        Assert.InRange(shrunk.Run.Schedule.Count, 34, found.Schedule.Count);
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(program), shrunk.Run.Schedule).Findings, f => f.Kind == FindingKind.Deadlock);
    }

    [Fact]
    public void Shrink_GraphOverTheStateBudget_ShortcutsAlongTheRunShortenItWithinTheirBudget()
    {
        var program = SamplingPrograms.OneConditionVariable(p: 2, c: 2, b: 1, k: 3);
        var found = LongRun(program, FindingKind.Deadlock, 88, 150);
        var told = new List<string>();
        const long shortcutBudget = 200_000;

        var withShortcuts = ScheduleShrinker.Shrink(program, found, 10_000, told.Add, stateBudget: 500, shortcutBudget: shortcutBudget, endingBudget: 0);
        var withoutShortcuts = ScheduleShrinker.Shrink(program, found, 10_000, progress: null, stateBudget: 500, shortcutBudget: 0, endingBudget: 0);

        Assert.Equal(ShrinkMethod.Shortcuts, withShortcuts.Method);
        Assert.True(withShortcuts.Shortcuts > 0);
        Assert.InRange(withShortcuts.ShortcutStates, 1, shortcutBudget);
        Assert.InRange(withShortcuts.SplicedLength, withShortcuts.Run.Schedule.Count, found.Schedule.Count - 1);
        Assert.True(withShortcuts.Run.Schedule.Count <= withoutShortcuts.Run.Schedule.Count);
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(program), withShortcuts.Run.Schedule).Findings, f => f.Kind == FindingKind.Deadlock);
    }

    [Fact]
    public void Shrink_RunThatUsedItsWholeBudget_ReturnedAsItIsWithoutWork()
    {
        var report = Checker.Check(SamplingPrograms.Forever, new CheckOptions { Runs = 1, MaxSteps = 3_000 });

        var shrunk = ScheduleShrinker.Shrink(SamplingPrograms.Forever, report.First!, 3_000, progress: null);

        Assert.Equal(ShrinkMethod.None, shrunk.Method);
        Assert.Equal(3_000, shrunk.Run.Schedule.Count);
        Assert.Equal(0, shrunk.Steps);
    }

    /// <summary>The first uniformly random run (from seed 1 on) that ends in <paramref name="kind"/> after between <paramref name="min"/> and <paramref name="max"/> steps.</summary>
    private static FoundRun LongRun(Model.CompiledProgram program, FindingKind kind, int min, int max)
    {
        for (var seed = 1UL; seed < 100_000; seed++)
        {
            var kernel = KernelTestKit.NewKernel(program, KernelTestKit.Options with { MaxSteps = 10_000 });
            var result = Runner.Run(kernel, new RandomScheduler(seed));
            if (result.Findings.Any(f => f.Kind == kind) && result.Steps >= min && result.Steps <= max)
            {
                return new FoundRun(seed, [.. result.Findings.OrderBy(f => f.Kind != kind)], kernel.Schedule.ToArray());
            }
        }

        throw new InvalidOperationException($"no run of seeds 1..99,999 ends in a {kind} after {min} to {max} steps");
    }
}
