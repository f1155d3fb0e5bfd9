using System.Numerics;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// One breadth-first exploration (see <see cref="Explorer"/>), with its reductions.
/// <para>
/// Symmetry: states are keyed by <see cref="ThreadSymmetry.Key"/>, so one state stands for all its
/// renamings. The state stored and expanded is the first one reached, a real state, so every path
/// spelled is a real schedule; a renamed state has the same futures renamed, so the shortest
/// length to each kind of finding is kept.
/// </para>
/// <para>
/// Partial order: sleep sets. When thread i's step is tried after thread j's from one state and
/// the two commute (<see cref="StepFootprint.CommutesWith"/>), then from i's successor, j's step
/// leads to the state j-then-i led to, in as many steps: j sleeps there and is not stepped. Every
/// state is still reached at its breadth-first depth (the schedule that is least in the order
/// threads are tried is never put to sleep), so states, depths and findings stay exactly as
/// without the reduction; only the steps into states already known are saved. A state reached
/// again while still queued keeps only the threads asleep on both ways in, and every way in from
/// the layer before comes before it is expanded (the queue is first in, first out). Sleep sets
/// are kept in the canonical names of the symmetry reduction, so the two reductions combine.
/// </para>
/// </summary>
internal sealed class StateSpaceSearch
{
    // Ctrl-C is looked at every 4,096 new states (a fraction of a second), progress told every 65,536.
    private const int CancelMask = 4095;
    private const int ProgressMask = 65535;

    private readonly ExploreOptions _options;
    private readonly Kernel _kernel;
    private readonly StateGraph _graph = new();
    private readonly StateQueue _frontier;
    private readonly Dictionary<FindingKind, ExploredFinding> _found = [];
    private readonly ChoicePath _choices = new();
    private readonly ThreadSymmetry? _symmetry;
    private readonly StepFootprints? _footprints;
    private readonly List<string> _notes = [];
    private readonly long[] _data;
    private readonly long[] _child;
    private long _transitions;
    private long _skipped;
    private int _depth;
    private int _finals;
    private int _cut;

    public StateSpaceSearch(CompiledProgram program, ExploreOptions options)
    {
        _options = options;
        _kernel = new Kernel(program, new KernelOptions
        {
            MaxSteps = options.MaxSteps,
            RecordEvents = false,
            RecordSchedule = true,
            CheckInvariants = false,
        });
        _frontier = new StateQueue(_kernel.StateSize);
        _data = new long[_kernel.StateSize];
        _child = new long[_kernel.StateSize];
        if (options.Symmetry)
        {
            _symmetry = ThreadSymmetry.Of(program);
            if (_symmetry.Note is { } note)
            {
                _notes.Add("symmetry: " + note);
                _symmetry = null;
            }
        }

        if (options.PartialOrder)
        {
            if (_kernel.Layout.HasClock)
            {
                _notes.Add("partial order: not applied to a program with timed waits (every step moves the clock)");
            }
            else if (program.Threads.Count > 64)
            {
                _notes.Add("partial order: not applied to more than 64 threads");
            }
            else
            {
                _footprints = new StepFootprints(program);
            }
        }
    }

    public ExploreReport Run(IProgress<ExploreProgress>? progress, CancellationToken cancel)
    {
        var threadCount = _kernel.Layout.ThreadCount;
        _graph.Add(Key(), parent: -1, via: default);
        _kernel.CopyStateTo(_data);
        _frontier.Enqueue(0, 0, 0, _data);
        var runnable = new int[threadCount];
        var threads = new int[threadCount];
        var stop = ExploreStop.Complete;

        while (_frontier.Count > 0 && stop == ExploreStop.Complete)
        {
            var (id, at) = _frontier.Dequeue(_data, out var asleep);
            _depth = Math.Max(_depth, at);
            _kernel.LoadState(_data, at);
            var sleep = RealNames(asleep);
            var n = _kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                _kernel.Conclude();
                if (_kernel.Findings.Count == 0)
                {
                    _finals++;
                }
                else
                {
                    Keep(() => _graph.PathTo(id));
                }

                continue;
            }

            if (at >= _options.MaxSteps)
            {
                _cut++;
                continue;
            }

            // The runnable threads are copied: each try below reloads the state and steps again.
            runnable.AsSpan(0, n).CopyTo(threads);
            ulong tried = 0;
            foreach (var thread in threads.AsSpan(0, n))
            {
                if ((sleep & (1UL << thread)) != 0)
                {
                    _skipped++;
                    continue;
                }

                var childSleep = SleepAfter(thread, sleep | tried);
                var clean = true;
                _choices.Begin();
                do
                {
                    _kernel.LoadState(_data, at);
                    _choices.Rewind();
                    _kernel.Step(thread, _choices);
                    _transitions++;
                    var entry = _kernel.Schedule[0];
                    if (_kernel.Findings.Count > 0)
                    {
                        clean = false;
                        Keep(() => [.. _graph.PathTo(id), entry]);
                        continue;
                    }

                    var key = Key();
                    if (_graph.TryGetId(key, out var known))
                    {
                        if (_footprints is not null)
                        {
                            _frontier.NarrowSleep(known, CanonicalNames(childSleep));
                        }

                        continue;
                    }

                    if (_graph.Count >= _options.MaxStates)
                    {
                        stop = ExploreStop.StateLimit;
                        break;
                    }

                    var next = _graph.Add(key, id, entry);
                    _kernel.CopyStateTo(_child);
                    _frontier.Enqueue(next, at + 1, CanonicalNames(childSleep), _child);
                    if ((next & CancelMask) == 0)
                    {
                        if ((next & ProgressMask) == 0)
                        {
                            progress?.Report(new ExploreProgress(_graph.Count, _transitions, at + 1, _frontier.Count));
                        }

                        if (cancel.IsCancellationRequested)
                        {
                            stop = ExploreStop.Interrupted;
                            break;
                        }
                    }
                }
                while (_choices.Advance());

                if (stop != ExploreStop.Complete)
                {
                    break;
                }

                // A step that found something is not slept on: its branch ended, nothing was reached to stand for it.
                if (clean)
                {
                    tried |= 1UL << thread;
                }
            }
        }

        var findings = _found.Values.OrderBy(f => f.Schedule.Count).ThenBy(f => f.Kind).ToArray();
        return new ExploreReport(_graph.Count, _transitions, _depth, _finals, _cut, stop, findings)
        {
            Interchangeable = _symmetry?.Groups ?? [],
            SkippedSteps = _skipped,
            ReductionNotes = _notes,
        };
    }

    private ulong Key() => _symmetry?.Key(_kernel) ?? _kernel.StateHash();

    /// <summary>The threads of <paramref name="candidates"/> whose next step commutes with <paramref name="thread"/>'s: they sleep after it.</summary>
    private ulong SleepAfter(int thread, ulong candidates)
    {
        if (_footprints is null || candidates == 0)
        {
            return 0;
        }

        var step = _footprints.At(thread, _data[_kernel.Layout.ThreadField(thread, StateLayout.PcField)]);
        ulong sleep = 0;
        for (var rest = candidates; rest != 0; rest &= rest - 1)
        {
            var other = BitOperations.TrailingZeroCount(rest);
            if (step.CommutesWith(_footprints.At(other, _data[_kernel.Layout.ThreadField(other, StateLayout.PcField)])))
            {
                sleep |= 1UL << other;
            }
        }

        return sleep;
    }

    /// <summary>A sleep set of the state just keyed, in the canonical names its key was made with.</summary>
    private ulong CanonicalNames(ulong sleep) => _symmetry is null ? sleep : Rename(sleep, _symmetry.Renamed, toCanonical: true);

    /// <summary>A stored sleep set in the names of the state just loaded (its key is made again to learn them).</summary>
    private ulong RealNames(ulong stored)
    {
        if (_symmetry is null || stored == 0)
        {
            return stored;
        }

        _symmetry.Key(_kernel);
        return Rename(stored, _symmetry.Renamed, toCanonical: false);
    }

    private static ulong Rename(ulong set, int[] renamed, bool toCanonical)
    {
        ulong result = 0;
        for (var t = 0; t < renamed.Length; t++)
        {
            var (from, to) = toCanonical ? (t, renamed[t]) : (renamed[t], t);
            if ((set & (1UL << from)) != 0)
            {
                result |= 1UL << to;
            }
        }

        return result;
    }

    /// <summary>
    /// The first run to each kind of finding is kept: breadth-first, no later one is shorter. The
    /// schedule is spelled only for a kind not seen yet (walking back to the start costs a path's length).
    /// </summary>
    private void Keep(Func<IReadOnlyList<ScheduleEntry>> schedule)
    {
        IReadOnlyList<ScheduleEntry>? path = null;
        foreach (var kind in _kernel.Findings.Select(f => f.Kind).Distinct())
        {
            if (!_found.ContainsKey(kind))
            {
                path ??= schedule();
                _found.Add(kind, new ExploredFinding(kind, _kernel.Findings.ToArray(), path));
            }
        }
    }
}
