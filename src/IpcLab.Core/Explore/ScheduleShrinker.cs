using System.Globalization;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Makes a failing run shorter while it still fails the same way, so a learner reads the fewest
/// steps that show the bug. First a breadth-first search from the start, no deeper than the run,
/// with the symmetry and merging reductions (<see cref="Explorer"/>) and within a state and memory
/// budget: when it finds the same kind of finding, its run is a shortest one. When the graph is too
/// big for the budget, shortcuts along the run (<see cref="ShortcutSearch"/>: small searches from
/// its states to its later states), then delta debugging over what is left
/// (<see cref="DeltaShrink"/>), each within a budget of its own. The run kept is replayed once
/// more with events and invariants on, which confirms it.
/// </summary>
public static class ScheduleShrinker
{
    /// <summary>The breadth-first search stops after this many states (a few seconds) and hands over to the shortcuts.</summary>
    public const int DefaultStateBudget = 1_000_000;

    /// <summary>The breadth-first search also stops once its visited set and queue hold this many bytes.</summary>
    public const long DefaultMemoryBudget = 256L << 20;

    /// <summary>The shortcut windows store this many states in all at most (each at most <see cref="WindowStates"/>).</summary>
    public const long DefaultShortcutBudget = 1_000_000;

    /// <summary>The searches for a shorter ending of the run store this many states in all at most.</summary>
    public const long DefaultEndingBudget = 1_000_000;

    /// <summary>States one shortcut window stores at most.</summary>
    public const int WindowStates = 20_000;

    /// <summary>Delta debugging stops once its candidates have replayed this many steps in all (about a second).</summary>
    public const long DefaultStepBudget = 3_000_000;

    public static FoundRun Shrink(CompiledProgram program, FoundRun run, int maxSteps) => Shrink(program, run, maxSteps, null).Run;

    /// <param name="program">The program the run is of.</param>
    /// <param name="run">The failing run.</param>
    /// <param name="maxSteps">The step budget of a run.</param>
    /// <param name="progress">Told what the shrinking does on long work, in a sentence.</param>
    /// <param name="stateBudget">States the breadth-first search may store before it hands over.</param>
    /// <param name="stepBudget">Steps delta debugging's candidates may replay in all.</param>
    /// <param name="shortcutBudget">States the shortcut windows may store in all (0: no shortcuts).</param>
    /// <param name="endingBudget">States the searches for a shorter ending may store in all (0: none).</param>
    /// <param name="cancel">Stops the shrinking between its stages and between shortcut windows: it then throws <see cref="OperationCanceledException"/>.</param>
    public static ShrinkResult Shrink(
        CompiledProgram program,
        FoundRun run,
        int maxSteps,
        Action<string>? progress,
        int stateBudget = DefaultStateBudget,
        long stepBudget = DefaultStepBudget,
        long shortcutBudget = DefaultShortcutBudget,
        long endingBudget = DefaultEndingBudget,
        CancellationToken cancel = default)
    {
        var kind = run.Main.Kind;

        // A run that used its whole budget took exactly maxSteps steps, and so does every candidate
        // that still uses it up: none can be shorter.
        if (kind == FindingKind.StepBudget)
        {
            return new ShrinkResult(run, ShrinkMethod.None, IsShortest: true, States: 0, Steps: 0, Candidates: 0);
        }

        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"shrinking the {run.Schedule.Count}-step run: breadth-first from the start, at most {stateBudget:N0} states"));

        // No deeper than the run: the search either finds a run as short or shorter, or runs out of
        // states. The injections the run made are choices of the search too, so their run is found.
        var explored = Explorer.Explore(
            program,
            new ExploreOptions
            {
                MaxStates = stateBudget,
                MaxMemory = DefaultMemoryBudget,
                MaxSteps = run.Schedule.Count,
                Symmetry = true,
                Merge = true,
                SpuriousWakeups = run.Schedule.Any(e => e.Kind == ScheduleEntryKind.SpuriousWakeup),
                CrashThreads = [.. run.Schedule.Where(e => e.Kind == ScheduleEntryKind.Crash).Select(e => e.Thread).Distinct()],
                CrashProcesses = [.. run.Schedule.Where(e => e.Kind == ScheduleEntryKind.ProcessCrash).Select(e => e.Thread).Distinct()],
            },
            progress is null ? null : new Told(p => progress($"shrinking breadth-first: {p.States:N0} states (of at most {stateBudget:N0}), depth {p.Depth} (of {run.Schedule.Count})")),
            cancel);
        cancel.ThrowIfCancellationRequested();
        if (explored.Findings.FirstOrDefault(f => f.Kind == kind) is { } shortest && shortest.Schedule.Count <= run.Schedule.Count)
        {
            return new ShrinkResult(Confirm(program, run, shortest.Schedule, maxSteps), ShrinkMethod.BreadthFirst, IsShortest: true, explored.States, explored.Transitions, Candidates: 0);
        }

        var endings = new EndingSweep(program, kind, maxSteps, endingBudget, progress);
        var ended = endingBudget > 0 ? endings.Shrink(run.Schedule, cancel) : [.. run.Schedule];
        cancel.ThrowIfCancellationRequested();
        if (endings.FromStart)
        {
            return new ShrinkResult(Confirm(program, run, ended, maxSteps), ShrinkMethod.Endings, IsShortest: true, explored.States, explored.Transitions + endings.Steps, Candidates: 0)
            {
                EndingStates = endings.States,
                Endings = endings.Endings,
            };
        }

        var shortcuts = new ShortcutSearch(program, kind, maxSteps, WindowStates, shortcutBudget, progress);
        var spliced = shortcutBudget > 0 ? shortcuts.Shrink(ended, cancel) : ended;
        cancel.ThrowIfCancellationRequested();
        var delta = new DeltaShrink(program, kind, maxSteps, stepBudget, progress);
        var shrunk = delta.Shrink(spliced);
        return new ShrinkResult(
            Confirm(program, run, shrunk, maxSteps),
            shortcuts.Shortcuts > 0 ? ShrinkMethod.Shortcuts : endings.Endings > 0 ? ShrinkMethod.Endings : ShrinkMethod.DeltaDebugging,
            IsShortest: false,
            explored.States,
            explored.Transitions + endings.Steps + shortcuts.Steps + delta.Steps,
            delta.Candidates)
        {
            EndingStates = endings.States,
            Endings = endings.Endings,
            ShortcutStates = shortcuts.States,
            Shortcuts = shortcuts.Shortcuts,
            SplicedLength = spliced.Length,
        };
    }

    /// <summary>Replays <paramref name="schedule"/> as far as it fits the program and finishes the run round-robin; null when it does not fit.</summary>
    internal static RunResult? TryRun(Kernel kernel, IReadOnlyList<ScheduleEntry> schedule)
    {
        kernel.Reset();
        if (Runner.TryApply(kernel, schedule, schedule.Count) is not null)
        {
            return null;
        }

        return Runner.Run(kernel, new RoundRobinScheduler());
    }

    /// <summary>Replays the shrunk schedule with events and invariants on; it must find the same kind again.</summary>
    private static FoundRun Confirm(CompiledProgram program, FoundRun run, IReadOnlyList<ScheduleEntry> schedule, int maxSteps)
    {
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = Math.Max(maxSteps, schedule.Count) });
        var result = Runner.Replay(kernel, schedule);
        if (!result.Findings.Any(f => f.Kind == run.Main.Kind))
        {
            throw new InvalidOperationException($"the shrunk run of seed {run.Seed} does not find the {run.Main.Kind} again when replayed: the kernel is not deterministic");
        }

        return run with { Findings = [.. result.Findings.OrderBy(f => f.Kind != run.Main.Kind)], Schedule = kernel.Schedule.ToArray() };
    }

    private sealed class Told(Action<ExploreProgress> report) : IProgress<ExploreProgress>
    {
        public void Report(ExploreProgress value) => report(value);
    }
}
