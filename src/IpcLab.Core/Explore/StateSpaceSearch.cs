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
    private readonly List<FindingKind> _keptNow = [];
    private SuccessorBatch _reached;
    private SuccessorBatch _looked;
    private (int Depth, int Finals, int Cut, long Transitions) _undo;
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
        _reached = new SuccessorBatch(_kernel.StateSize);
        _looked = new SuccessorBatch(_kernel.StateSize);
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

        while ((_frontier.Count > 0 || _looked.Count > 0) && _stop == ExploreStop.Complete)
        {
            if (_frontier.Count == 0)
            {
                Probe(_looked);
                continue;
            }

            // What the expansion below changes, to be undone if the search stops on the last
            // state's successors, looked up after it (see Lag).
            _undo = (_depth, _finals, _cut, _transitions);
            _keptNow.Clear();
            var (id, at) = _frontier.Dequeue(_data, out var asleep);
            _reached.Begin(id);
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
                Lag();
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
                    clean &= Reached(at, childSleep);
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
                    Reached(at, 0);
                }
            }

            Lag();
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
    /// After one transition from the state being expanded: keeps what it found, or keys the state it
    /// reached, with sleep set <paramref name="childSleep"/>, into the batch that <see cref="Probe"/>
    /// looks up later. False when the step found something.
    /// </summary>
    private bool Reached(int at, ulong childSleep)
    {
        if (_kernel.Findings.Count > 0)
        {
            // The steps batched before this one are looked up first: one of them may stop the search,
            // and then this step is not taken, as it would not have been one by one.
            Flush();
            if (_stop != ExploreStop.Complete)
            {
                return true;
            }

            _transitions++;
            Keep(_reached.Parent, atStep: true);
            return false;
        }

        var key = _reductions.Key();
        _reached.Add(_kernel, key, at + 1, _reductions.CanonicalNames(childSleep));
        return true;
    }

    /// <summary>
    /// Ends an expansion. Its successors' slots are fetched ahead now, but looked up this soon after,
    /// memory would not have answered yet (a look-up that misses every cache waits some 300 ns
    /// here). So the successors of the state expanded before this one are looked up now, and this
    /// one's after the next expansion: the look-ups come in the same order as one by one, only a
    /// state later. That is exact when nothing the later expansion did could have changed them, or
    /// is undone when they stop the search (in order, the later state would not have been
    /// expanded): the expansion reads no state a look-up adds, and a look-up narrows no sleep set of
    /// the state just taken from the queue because the lag is not used with sleep sets
    /// (<see cref="SearchReductions.PartialOrder"/>).
    /// <see cref="ExploreOptions.LookUpLate"/> turns the late look-ups off.
    /// </summary>
    private void Lag()
    {
        if (_stop != ExploreStop.Complete)
        {
            return;
        }

        if (_reductions.PartialOrder || !_options.LookUpLate)
        {
            Flush();
        }
        else
        {
            _reached.FetchAhead(_graph);
            if (ProbeLooked())
            {
                (_looked, _reached) = (_reached, _looked);
            }
        }
    }

    /// <summary>Looks up every successor batched so far: the earlier expansion's, then this one's.</summary>
    private void Flush()
    {
        _reached.FetchAhead(_graph);
        if (ProbeLooked())
        {
            Probe(_reached);
        }
    }

    /// <summary>Looks up the earlier expansion's successors; false, with this expansion undone, when they stopped the search.</summary>
    private bool ProbeLooked()
    {
        var beforeLook = _transitions;
        Probe(_looked);
        if (_stop == ExploreStop.Complete)
        {
            return true;
        }

        UndoExpansion(beforeLook);
        return false;
    }

    /// <summary>
    /// The search stopped on the earlier expansion's successors: the expansion after it would not
    /// have happened, so its counts and findings are taken back (the look-ups counted since
    /// <paramref name="beforeLook"/> stay: they came before it).
    /// </summary>
    private void UndoExpansion(long beforeLook)
    {
        (_depth, _finals, _cut) = (_undo.Depth, _undo.Finals, _undo.Cut);
        _transitions = _undo.Transitions + (_transitions - beforeLook);
        foreach (var kind in _keptNow)
        {
            _found.Remove(kind);
        }

        _keptNow.Clear();
        _reached.Clear();
    }

    /// <summary>
    /// Looks up the states <paramref name="batch"/> holds, in the order they were reached: adds each
    /// new one (narrows the sleep set of a known one still queued), until the search stops.
    /// </summary>
    private void Probe(SuccessorBatch batch)
    {
        var id = batch.Parent;
        for (var i = 0; i < batch.Count && _stop == ExploreStop.Complete; i++)
        {
            _transitions++;
            var key = batch.Key(i);
            if (_graph.TryGetId(key, out var known))
            {
                if (_reductions.PartialOrder)
                {
                    _frontier.NarrowSleep(known, batch.Sleep(i));
                }

                continue;
            }

            if (_graph.Count >= _options.MaxStates)
            {
                _stop = ExploreStop.StateLimit;
                break;
            }

            var depth = batch.Depth(i);
            var next = _graph.Add(key, id);
            _frontier.Enqueue(next, depth, batch.Sleep(i), batch.State(i));
            if (SearchWatch.Due(next))
            {
                _watch!.Look(ref _stop, next, _transitions, depth, _frontier.Count, _graph.Bytes + _frontier.Bytes);
            }
        }

        batch.Clear();
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
            if (_found.TryAdd(finding.Kind, (id, atStep)))
            {
                _keptNow.Add(finding.Kind);
            }
        }
    }
}
