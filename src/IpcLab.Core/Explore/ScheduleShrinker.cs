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
        var best = run;
        var tried = 0;
        var improved = true;
        while (improved && tried < MaxCandidates)
        {
            improved = false;
            for (var i = best.Schedule.Count - 1; i >= 0 && tried < MaxCandidates; i--)
            {
                // Dropping one of two equal neighbours gives the same schedule as dropping the
                // other, tried just before: a thread that runs alone for a thousand steps is one
                // candidate, not a thousand replays of the whole run.
                if (i + 1 < best.Schedule.Count && best.Schedule[i] == best.Schedule[i + 1])
                {
                    continue;
                }

                tried++;
                var candidate = best.Schedule.Where((_, j) => j != i).ToArray();
                var result = TryRun(kernel, candidate);
                if (result is not null && result.Findings.Any(f => f.Kind == kind) && kernel.Schedule.Count < best.Schedule.Count)
                {
                    best = new FoundRun(run.Seed, result.Findings, kernel.Schedule.ToArray());
                    improved = true;
                    i = Math.Min(i, best.Schedule.Count);
                }
            }
        }

        return best;
    }

    private static RunResult? TryRun(Kernel kernel, IReadOnlyList<ScheduleEntry> schedule)
    {
        kernel.Reset();
        if (Runner.TryApply(kernel, schedule, schedule.Count) is not null)
        {
            return null;
        }

        return Runner.Run(kernel, new RoundRobinScheduler());
    }
}
