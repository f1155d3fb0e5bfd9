using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Checking;

/// <summary>
/// Makes a run that lost or duplicated messages shorter while it still does: greedy, with
/// <see cref="Explore.ScheduleShrinker"/>'s loop (<see cref="Explore.GreedyShrink"/>), dropping one schedule entry at a time; a candidate
/// is replayed as far as it fits, finished round-robin with no further crash, and kept if it is
/// shorter and still loses (when the original lost) or still duplicates (when it duplicated).
/// </summary>
public static class GuaranteeShrinker
{
    private const int MaxCandidates = 3000;

    public static GuaranteeRun Shrink(Kernel kernel, GuaranteeRun run, IReadOnlySet<long> judged, ValueKind kind)
    {
        var (loses, duplicates) = (run.Lost.Count > 0, run.Duplicated.Count > 0);
        return Explore.GreedyShrink.Shrink(run, r => r.Schedule, candidate =>
        {
            if (Explore.ScheduleShrinker.TryRun(kernel, candidate) is null)
            {
                return null;
            }

            var tally = MessageTally.Of(kernel.Events);
            var (lost, duplicated) = (tally.Lost(judged), tally.Duplicated);
            return (!loses || lost.Count > 0) && (!duplicates || duplicated.Count > 0)
                ? run with { Schedule = kernel.Schedule.ToArray(), Lost = GuaranteeChecker.Texts(kernel, kind, lost), Duplicated = GuaranteeChecker.Texts(kernel, kind, duplicated) }
                : null;
        }, MaxCandidates);
    }
}
