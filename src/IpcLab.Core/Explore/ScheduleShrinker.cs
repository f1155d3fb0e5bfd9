using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Makes a failing schedule shorter while it still fails the same way, so a learner reads the
/// fewest steps that show the bug. Greedy: try dropping each entry; a candidate is replayed
/// exactly as far as it goes (it must fit the program), then finished round-robin, and kept if
/// the whole run is shorter and ends in the same kind of finding.
/// </summary>
public static class ScheduleShrinker
{
    private const int MaxCandidates = 5000;

    public static FoundRun Shrink(CompiledProgram program, FoundRun run, int maxSteps)
    {
        var kind = run.Main.Kind;

        // A run that used its whole budget took exactly maxSteps steps, and so does every candidate
        // that still uses it up: none can be shorter. (Trying would replay the whole budget once
        // per entry: minutes for a program with thousands of threads.)
        if (kind == FindingKind.StepBudget)
        {
            return run;
        }

        var kernel = new Kernel(program, new KernelOptions { MaxSteps = maxSteps, RecordEvents = false });
        return GreedyShrink.Shrink(
            run,
            r => r.Schedule,
            candidate => TryRun(kernel, candidate) is { } result && result.Findings.Any(f => f.Kind == kind)
                ? new FoundRun(run.Seed, result.Findings, kernel.Schedule.ToArray())
                : null,
            MaxCandidates);
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
}
