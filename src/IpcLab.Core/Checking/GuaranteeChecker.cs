using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Checking;

/// <summary>
/// Judges a program's delivery guarantee by outcome. For each seed: one run without a crash says
/// which messages the program handles and how many crash points it passes; a second run with the
/// same seed crashes a process at one of those points (picked from the seed), and its messages are
/// counted as lost (sent, never handled) or duplicated (handled twice). Every run is reproducible
/// from its seed, and the crash is a schedule entry, so the bad run replays exactly.
/// </summary>
public static class GuaranteeChecker
{
    public static GuaranteeReport Check(CompiledProgram program, CheckOptions options)
    {
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = options.MaxSteps });
        var kind = MessageKindOf(program);
        var outcomes = new SortedDictionary<long, int[]>();
        var (runs, lost, duplicated, runsLosing, runsDuplicating) = (0, 0, 0, 0, 0);
        long points = 0;
        var kinds = CrashPointKind.None;
        GuaranteeRun? shortest = null;
        HashSet<long>? shortestJudged = null;
        for (var i = 0; i < options.Runs; i++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Invoke(i);
            var seed = options.Seed + (ulong)i;
            kernel.Reset();
            var (passed, _) = CrashingRun.Run(kernel, new RandomScheduler(seed, options.RandomWaiters), -1, out var runKinds);
            kinds |= runKinds;
            var judged = MessageTally.Of(kernel.Events).HandledMessages.ToHashSet();
            points += passed;
            if (passed == 0)
            {
                continue;
            }

            kernel.Reset();
            var (_, crash) = CrashingRun.Run(kernel, new RandomScheduler(seed, options.RandomWaiters), Pick(seed, passed));
            runs++;
            var tally = MessageTally.Of(kernel.Events);
            var runLost = tally.Lost(judged);
            var runDuplicated = tally.Duplicated;
            foreach (var m in judged)
            {
                if (!outcomes.TryGetValue(m, out var counts))
                {
                    outcomes[m] = counts = new int[3];
                }

                counts[Math.Min(tally.TimesHandled(m), 2)] += runLost.Contains(m) || tally.TimesHandled(m) > 0 ? 1 : 0;
            }

            lost += runLost.Count;
            duplicated += runDuplicated.Count;
            runsLosing += runLost.Count > 0 ? 1 : 0;
            runsDuplicating += runDuplicated.Count > 0 ? 1 : 0;
            if ((runLost.Count > 0 || runDuplicated.Count > 0) && (shortest is null || kernel.Schedule.Count < shortest.Schedule.Count))
            {
                shortest = new GuaranteeRun(seed, crash, kernel.Schedule.ToArray(), Texts(kernel, kind, runLost), Texts(kernel, kind, runDuplicated));
                shortestJudged = judged;
            }
        }

        var messages = outcomes.Select(p => new MessageOutcome(kernel.Format(kind, p.Key, quoteStrings: false), p.Value[0], p.Value[1], p.Value[2])).ToArray();

        // The shrinker replays on the same kernel: its string table gave the judged messages their ids.
        var shrunk = shortest is null ? null : GuaranteeShrinker.Shrink(kernel, shortest, shortestJudged!, kind);
        return new GuaranteeReport(runs, points, lost, duplicated, runsLosing, runsDuplicating, messages, shortest, shrunk) { PointKinds = kinds };
    }

    /// <summary>Which of the run's crash points the seed crashes at: a mix of the seed's bits, so neighbouring seeds spread over all the points.</summary>
    internal static int Pick(ulong seed, int points)
    {
        var z = seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)points);
    }

    internal static IReadOnlyList<string> Texts(Kernel kernel, ValueKind kind, IEnumerable<long> messages) =>
        messages.Select(m => kernel.Format(kind, m, quoteStrings: false)).ToArray();

    private static ValueKind MessageKindOf(CompiledProgram program) =>
        program.Threads.SelectMany(t => t.Code).FirstOrDefault(c => CrashPoints.Handles(c.Op))?.E1?.Kind ?? ValueKind.Int;
}
