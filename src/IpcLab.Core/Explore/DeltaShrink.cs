using System.Globalization;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// Delta debugging (Zeller's ddmin) over a failing schedule, for graphs too big to search: drop
/// a chunk of entries (halves, then quarters, down to single entries), replay what is left as far
/// as it fits (an entry whose thread cannot run then is skipped), finish round-robin, and keep the
/// run when it reaches the same kind of finding in fewer steps. A run stops at the step that finds
/// it, so a fault at step 40 of a 900-step run is 40 steps at once. Bounded by the kernel steps
/// all candidates together may replay.
/// </summary>
internal sealed class DeltaShrink
{
    /// <summary>Progress is told each time this many more steps have been replayed.</summary>
    private const long ProgressEvery = 250_000;

    private readonly Kernel _kernel;
    private readonly FindingKind _kind;
    private readonly long _budget;
    private readonly Action<string>? _progress;
    private readonly ScheduleEntry[] _one = new ScheduleEntry[1];
    private readonly int[] _runnable;
    private int _original;
    private int _best;

    public DeltaShrink(CompiledProgram program, FindingKind kind, int maxSteps, long budget, Action<string>? progress)
    {
        _kernel = new Kernel(program, new KernelOptions { MaxSteps = maxSteps, RecordEvents = false, CheckInvariants = false });
        _kind = kind;
        _budget = budget;
        _progress = progress;
        _runnable = new int[_kernel.Layout.ThreadCount];
    }

    /// <summary>Kernel steps replayed so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Candidate schedules replayed so far.</summary>
    public int Candidates { get; private set; }

    /// <summary>The shortest schedule found that still reaches the finding (at most as long as <paramref name="schedule"/>'s run).</summary>
    public ScheduleEntry[] Shrink(IReadOnlyList<ScheduleEntry> schedule)
    {
        _original = schedule.Count;
        var best = Try(schedule) ?? [.. schedule];
        _best = best.Length;
        var chunks = 2;
        while (best.Length >= 2 && Steps < _budget)
        {
            var size = (best.Length + chunks - 1) / chunks;
            ScheduleEntry[]? shorter = null;
            for (var start = 0; start < best.Length && shorter is null && Steps < _budget; start += size)
            {
                var candidate = new ScheduleEntry[best.Length - Math.Min(size, best.Length - start)];
                best.AsSpan(0, start).CopyTo(candidate);
                best.AsSpan(Math.Min(best.Length, start + size)).CopyTo(candidate.AsSpan(start));
                if (Try(candidate) is { } found && found.Length < best.Length)
                {
                    shorter = found;
                }
            }

            if (shorter is not null)
            {
                best = shorter;
                _best = best.Length;
                chunks = Math.Max(chunks - 1, 2);
            }
            else if (chunks >= best.Length)
            {
                break;
            }
            else
            {
                chunks = Math.Min(chunks * 2, best.Length);
            }
        }

        return best;
    }

    /// <summary>
    /// Replays <paramref name="candidate"/> leniently and finishes it round-robin, stopping at the
    /// first finding; the schedule of the run when it found the kind sought, else null.
    /// </summary>
    private ScheduleEntry[]? Try(IReadOnlyList<ScheduleEntry> candidate)
    {
        var kernel = _kernel;
        kernel.Reset();
        Candidates++;
        foreach (var entry in candidate)
        {
            if (kernel.Findings.Count > 0 || kernel.StepCount >= kernel.Options.MaxSteps)
            {
                break;
            }

            _one[0] = entry;
            if (Runner.TryApply(kernel, _one, 1) is not null && entry is { Kind: ScheduleEntryKind.Run, Woken: >= 0 })
            {
                // The waiter it woke is not waiting now: the step may still run, waking the first in line.
                _one[0] = ScheduleEntry.Run(entry.Thread, -1);
                Runner.TryApply(kernel, _one, 1);
            }
        }

        var scheduler = new RoundRobinScheduler();
        while (kernel.Findings.Count == 0)
        {
            var n = kernel.CollectRunnable(_runnable);
            if (n == 0)
            {
                kernel.Conclude();
                break;
            }

            if (kernel.StepCount >= kernel.Options.MaxSteps)
            {
                break;
            }

            kernel.Step(scheduler.ChooseThread(kernel, _runnable.AsSpan(0, n)), scheduler);
        }

        Tell();
        return kernel.Findings.Any(f => f.Kind == _kind) ? [.. kernel.Schedule] : null;
    }

    private void Tell()
    {
        var steps = Steps + _kernel.StepCount;
        if (_progress is not null && steps / ProgressEvery > Steps / ProgressEvery)
        {
            _progress(string.Create(CultureInfo.InvariantCulture,
                $"shrinking by delta debugging: {_original} steps down to {_best} so far; {Candidates:N0} candidates, {steps:N0} of at most {_budget:N0} steps replayed"));
        }

        Steps = steps;
    }
}
