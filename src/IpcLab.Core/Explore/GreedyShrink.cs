using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The greedy loop both shrinkers share: drop one schedule entry at a time, newest first, and keep
/// a candidate run when it still fails the way the original did and is shorter; start over while
/// that helps, within a budget of candidates.
/// </summary>
internal static class GreedyShrink
{
    /// <param name="run">The failing run to shrink.</param>
    /// <param name="scheduleOf">The whole schedule of a run.</param>
    /// <param name="tryCandidate">Replays a candidate schedule and returns the run it gives when that
    /// run still fails the same way, or null.</param>
    /// <param name="maxCandidates">How many candidates to replay at most.</param>
    public static T Shrink<T>(T run, Func<T, IReadOnlyList<ScheduleEntry>> scheduleOf, Func<ScheduleEntry[], T?> tryCandidate, int maxCandidates)
        where T : class
    {
        var best = run;
        var tried = 0;
        var improved = true;
        while (improved && tried < maxCandidates)
        {
            improved = false;
            for (var i = scheduleOf(best).Count - 1; i >= 0 && tried < maxCandidates; i--)
            {
                var schedule = scheduleOf(best);

                // Dropping one of two equal neighbours gives the same schedule as dropping the
                // other, tried just before: a thread that runs alone for a thousand steps is one
                // candidate, not a thousand replays of the whole run.
                if (i + 1 < schedule.Count && schedule[i] == schedule[i + 1])
                {
                    continue;
                }

                tried++;
                var candidate = schedule.Where((_, j) => j != i).ToArray();
                if (tryCandidate(candidate) is { } shorter && scheduleOf(shorter).Count < schedule.Count)
                {
                    best = shorter;
                    improved = true;
                    i = Math.Min(i, scheduleOf(best).Count);
                }
            }
        }

        return best;
    }
}
