using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Checking;

/// <summary>
/// Makes a run that lost or duplicated messages shorter while it still does: greedy, as
/// <see cref="Explore.ScheduleShrinker"/> does, dropping one schedule entry at a time; a candidate
/// is replayed as far as it fits, finished round-robin with no further crash, and kept if it is
/// shorter and still loses (when the original lost) or still duplicates (when it duplicated).
/// </summary>
public static class GuaranteeShrinker
{
    private const int MaxCandidates = 3000;

    public static GuaranteeRun Shrink(Kernel kernel, GuaranteeRun run, IReadOnlySet<long> judged, ValueKind kind)
    {
        var (loses, duplicates) = (run.Lost.Count > 0, run.Duplicated.Count > 0);
        var best = run;
        var tried = 0;
        var improved = true;
        while (improved && tried < MaxCandidates)
        {
            improved = false;
            for (var i = best.Schedule.Count - 1; i >= 0 && tried < MaxCandidates; i--)
            {
                if (i + 1 < best.Schedule.Count && best.Schedule[i] == best.Schedule[i + 1])
                {
                    continue;
                }

                tried++;
                var candidate = best.Schedule.Where((_, j) => j != i).ToArray();
                kernel.Reset();
                if (Runner.TryApply(kernel, candidate, candidate.Length) is not null)
                {
                    continue;
                }

                Runner.Run(kernel, new RoundRobinScheduler());
                var tally = MessageTally.Of(kernel.Events);
                var (lost, duplicated) = (tally.Lost(judged), tally.Duplicated);
                if ((!loses || lost.Count > 0) && (!duplicates || duplicated.Count > 0) && kernel.Schedule.Count < best.Schedule.Count)
                {
                    best = run with { Schedule = kernel.Schedule.ToArray(), Lost = GuaranteeChecker.Texts(kernel, kind, lost), Duplicated = GuaranteeChecker.Texts(kernel, kind, duplicated) };
                    improved = true;
                    i = Math.Min(i, best.Schedule.Count);
                }
            }
        }

        return best;
    }
}
