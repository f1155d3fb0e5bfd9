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
/// <para>
/// Injected choices (<see cref="InjectedChoices"/>) are tried from every state after the threads'
/// steps, including a state where no thread can run (a spurious wake-up may end a deadlock that
/// a schedule without one still reaches). They never sleep, and nothing sleeps after one.
/// </para>
/// </summary>
internal sealed class StateSpaceSearch
{
    private readonly ExploreOptions _options;
    private readonly Kernel _kernel;
    private readonly StateGraph _graph = new();
    private readonly StateQueue _frontier;
    private readonly Dictionary<FindingKind, (int Id, bool AtStep)> _found = [];
    private readonly ChoicePath _choices = new();
    private readonly long[] _data;
    private readonly SuccessorBatch _batch;
    private readonly IReadOnlyList<ScheduleEntry> _injections;
    private readonly SearchReductions _reductions;
    private SearchWatch? _watch;
    private ExploreStop _stop = ExploreStop.Complete;
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
        _batch = new SuccessorBatch(_kernel.StateSize);
        _injections = InjectedChoices.Of(program, options);
        _reductions = new SearchReductions(program, options, _kernel);
    }

    public ExploreReport Run(IProgress<ExploreProgress>? progress, CancellationToken cancel)
    {
        _watch = new SearchWatch(_options, progress, cancel);
        var threadCount = _kernel.Layout.ThreadCount;
        _graph.Add(_reductions.Key(), parent: -1);
        _kernel.CopyStateTo(_data);
        _frontier.Enqueue(0, 0, 0, _data);
        var runnable = new int[threadCount];
        var threads = new int[threadCount];

        while (_frontier.Count > 0 && _stop == ExploreStop.Complete)
        {
            var (id, at) = _frontier.Dequeue(_data, out var asleep);
            _depth = Math.Max(_depth, at);
            _kernel.LoadState(_data, at);
            var sleep = _reductions.RealNames(asleep);
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
                    Keep(id, atStep: false);
                }
            }

            if (at >= _options.MaxSteps)
            {
                _cut += n > 0 || Injectable(at) ? 1 : 0;
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

                var childSleep = _reductions.SleepAfter(thread, sleep | tried, _data);
                var clean = true;
                _choices.Begin();
                do
                {
                    _kernel.LoadState(_data, at);
                    _choices.Rewind();
                    _kernel.Step(thread, _choices);
                    clean &= Reached(id, at, childSleep);
                }
                while (_stop == ExploreStop.Complete && _choices.Advance());

                if (_stop != ExploreStop.Complete)
                {
                    break;
                }

                // A step that found something is not slept on: its branch ended, nothing was reached to stand for it.
                if (clean)
                {
                    tried |= 1UL << thread;
                }
            }

            foreach (var injection in _injections)
            {
                _kernel.LoadState(_data, at);
                if (_stop == ExploreStop.Complete && InjectedChoices.CanInject(_kernel, injection))
                {
                    _kernel.Apply(injection);
                    Reached(id, at, 0);
                }
            }

            Probe(id, at);
        }

        var speller = new RunSpeller(_kernel, _graph, _reductions, _injections);
        var findings = _found.Select(f => speller.Spell(f.Key, f.Value.Id, f.Value.AtStep)).OrderBy(f => f.Schedule.Count).ThenBy(f => f.Kind).ToArray();
        return new ExploreReport(_graph.Count, _transitions, _depth, _finals, _cut, _stop, findings)
        {
            Interchangeable = _reductions.Interchangeable,
            SkippedSteps = _skipped,
            ReductionNotes = _reductions.Notes,
            GraphBytes = _graph.Bytes,
            FrontierBytes = _frontier.PeakBytes,
        };
    }

    /// <summary>
    /// After one transition from state <paramref name="id"/>: keeps what it found, or keys the state it
    /// reached, with sleep set <paramref name="childSleep"/>, into the batch that <see cref="Probe"/>
    /// looks up once the state is expanded. False when the step found something.
    /// </summary>
    private bool Reached(int id, int at, ulong childSleep)
    {
        if (_kernel.Findings.Count > 0)
        {
            // The steps batched before this one are looked up first: one of them may stop the search,
            // and then this step is not taken, as it would not have been one by one.
            Probe(id, at);
            if (_stop != ExploreStop.Complete)
            {
                return true;
            }

            _transitions++;
            Keep(id, atStep: true);
            return false;
        }

        var key = _reductions.Key();
        _batch.Add(_graph, _kernel, key, at + 1, _reductions.CanonicalNames(childSleep));
        return true;
    }

    /// <summary>
    /// Looks up the states the batch holds, in the order they were reached from state <paramref name="id"/>:
    /// adds each new one (narrows the sleep set of a known one still queued), until the search stops.
    /// </summary>
    private void Probe(int id, int at)
    {
        for (var i = 0; i < _batch.Count && _stop == ExploreStop.Complete; i++)
        {
            _transitions++;
            var key = _batch.Key(i);
            if (_graph.TryGetId(key, out var known))
            {
                if (_reductions.PartialOrder)
                {
                    _frontier.NarrowSleep(known, _batch.Sleep(i));
                }

                continue;
            }

            if (_graph.Count >= _options.MaxStates)
            {
                _stop = ExploreStop.StateLimit;
                break;
            }

            var next = _graph.Add(key, id);
            _frontier.Enqueue(next, at + 1, _batch.Sleep(i), _batch.State(i));
            if (SearchWatch.Due(next))
            {
                _watch!.Look(ref _stop, next, _transitions, at + 1, _frontier.Count, _graph.Bytes + _frontier.Bytes);
            }
        }

        _batch.Clear();
    }

    /// <summary>True when some injection can happen in the state held in the parent's buffer.</summary>
    private bool Injectable(int at)
    {
        foreach (var injection in _injections)
        {
            _kernel.LoadState(_data, at);
            if (InjectedChoices.CanInject(_kernel, injection))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first state (or step from a state) to each kind of finding is kept: breadth-first, no
    /// later one is nearer. Its run is spelled once the search ends (<see cref="RunSpeller"/>).
    /// </summary>
    private void Keep(int id, bool atStep)
    {
        foreach (var finding in _kernel.Findings)
        {
            _found.TryAdd(finding.Kind, (id, atStep));
        }
    }
}
