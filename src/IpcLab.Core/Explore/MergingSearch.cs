using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// An exploration that merges each thread's invisible steps (<see cref="InvisibleSteps"/>) into the
/// step that follows them: a transition runs one thread through its invisible steps and then one
/// more step, and only the state after it is stored. Every choice of waiter is still tried, at
/// that last step.
/// <para>
/// Why nothing is lost: an invisible step commutes with every step another thread can take before
/// its thread's next step, and stays enabled until then. So in any run, each invisible step can be
/// moved forward to just before its thread's next step, and one after which its thread never steps
/// again can be left out: no later step of another thread reads what it wrote, and a state where
/// no thread can run has none pending (their threads could run). The run that results has the
/// same finding in as many steps or fewer, and is a sequence of this search's transitions.
/// </para>
/// <para>
/// Why the lengths stay exact: a transition counts the steps it stands for, and states are
/// expanded in the order of their distance in steps (<see cref="DepthBuckets"/>); a state reached
/// again in fewer steps before it is expanded is queued again at the new depth with the new
/// parent (Dijkstra's search with a bucket queue). The run to a finding is spelled step by step.
/// </para>
/// </summary>
internal sealed class MergingSearch
{
    // A thread looping on invisible steps alone (`while true: pass`) would run for ever inside one
    // transition: after this many a transition ends anyway, and the state it reached is stored.
    private const int MaxMerged = 64;

    private readonly ExploreOptions _options;
    private readonly Kernel _kernel;
    private readonly InvisibleSteps _invisible;
    private readonly StateGraph _graph = new();
    private readonly DepthBuckets _frontier;
    private readonly Dictionary<FindingKind, FoundAt> _found = [];
    private readonly ChoicePath _choices = new();
    private readonly long[] _data;
    private readonly SuccessorBatch _batch;
    private readonly SearchReductions _reductions;
    private int[] _best = new int[1024];
    private SearchWatch? _watch;
    private ExploreStop _stop = ExploreStop.Complete;
    private long _transitions;
    private long _merged;
    private int _depth;
    private int _finals;
    private int _cut;

    public MergingSearch(CompiledProgram program, ExploreOptions options, InvisibleSteps invisible)
    {
        _options = options;
        _invisible = invisible;
        _kernel = new Kernel(program, new KernelOptions
        {
            MaxSteps = options.MaxSteps,
            RecordEvents = false,
            RecordSchedule = true,
            CheckInvariants = false,
        });
        _frontier = new DepthBuckets(_kernel.StateSize);
        _data = new long[_kernel.StateSize];
        _batch = new SuccessorBatch(_kernel.StateSize);
        _reductions = new SearchReductions(program, options with { PartialOrder = false }, _kernel);
    }

    public ExploreReport Run(IProgress<ExploreProgress>? progress, CancellationToken cancel)
    {
        _watch = new SearchWatch(_options, progress, cancel);
        _graph.Add(_reductions.Key(), parent: -1);
        _best[0] = 0;
        _kernel.CopyStateTo(_data);
        _frontier.Enqueue(0, 0, _data);
        var runnable = new int[_kernel.Layout.ThreadCount];
        var threads = new int[runnable.Length];

        while (_stop == ExploreStop.Complete && _frontier.TryDequeue(_data, out var id, out var at))
        {
            if (at > _best[id])
            {
                continue; // queued again nearer the start, and expanded from there
            }

            _depth = Math.Max(_depth, at);
            _kernel.LoadState(_data, at);
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
                    Keep(id, at, atStep: false);
                }
            }

            if (at >= _options.MaxSteps)
            {
                _cut += n > 0 ? 1 : 0;
                continue;
            }

            runnable.AsSpan(0, n).CopyTo(threads);
            foreach (var thread in threads.AsSpan(0, n))
            {
                _choices.Begin();
                do
                {
                    _kernel.LoadState(_data, at);
                    _choices.Rewind();
                    var steps = Transition(_kernel, _invisible, thread, _choices, at, _options.MaxSteps);
                    Reached(id, at, steps);
                }
                while (_stop == ExploreStop.Complete && _choices.Advance());
            }

            Probe(id, at);
        }

        var speller = new MergedRunSpeller(_kernel, _graph, _reductions, _invisible, _best, _options.MaxSteps);
        var findings = _found
            .Select(f => speller.Spell(f.Key, f.Value.Id, f.Value.Length, f.Value.AtStep))
            .OrderBy(f => f.Schedule.Count).ThenBy(f => f.Kind).ToArray();
        return new ExploreReport(_graph.Count, _transitions, _depth, _finals, _cut, _stop, findings)
        {
            Interchangeable = _reductions.Interchangeable,
            MergedSteps = _merged,
            ReductionNotes = _reductions.Notes,
            GraphBytes = _graph.Bytes + ((long)_best.Length * sizeof(int)),
            FrontierBytes = _frontier.PeakBytes,
        };
    }

    /// <summary>
    /// One transition of <paramref name="thread"/> from the state just loaded at depth <paramref name="at"/>:
    /// its invisible steps, then one more; fewer when a step finds something or the depth bound is
    /// reached. Returns the steps taken (the spelling of a run takes the same ones). The thread's
    /// write-only locals are cleared after (<see cref="InvisibleSteps.ClearWriteOnly"/>).
    /// </summary>
    internal static int Transition(Kernel kernel, InvisibleSteps invisible, int thread, ChoicePath choices, int at, int maxSteps)
    {
        var steps = 0;
        while (true)
        {
            var quiet = invisible.At(thread, kernel.PcOf(thread));
            kernel.Step(thread, choices);
            steps++;
            if (!quiet || kernel.Findings.Count > 0 || at + steps >= maxSteps || steps > MaxMerged || !kernel.CanRun(thread))
            {
                invisible.ClearWriteOnly(kernel.StateArray, kernel.Layout.LocalBase(thread), thread);
                return steps;
            }
        }
    }

    /// <summary>
    /// After one transition of <paramref name="steps"/> steps from state <paramref name="id"/>: keeps
    /// what it found, or keys the state it reached into the batch that <see cref="Probe"/> looks up
    /// once the state is expanded.
    /// </summary>
    private void Reached(int id, int at, int steps)
    {
        var depth = at + steps;
        if (_kernel.Findings.Count > 0)
        {
            // The transitions batched before this one are looked up first: one of them may stop the
            // search, and then this one is not taken, as it would not have been one by one.
            Probe(id, at);
            if (_stop != ExploreStop.Complete)
            {
                return;
            }

            _transitions++;
            _merged += steps - 1;
            Keep(id, depth, atStep: true);
            return;
        }

        _batch.Add(_kernel, _reductions.Key(), depth, sleep: 0);
    }

    /// <summary>Looks up the states the batch holds, in the order they were reached from state <paramref name="id"/> (at depth <paramref name="at"/>), until the search stops.</summary>
    private void Probe(int id, int at)
    {
        _batch.FetchAhead(_graph);
        for (var i = 0; i < _batch.Count && _stop == ExploreStop.Complete; i++)
        {
            _transitions++;
            var depth = _batch.Depth(i);
            _merged += depth - at - 1;
            var key = _batch.Key(i);
            if (_graph.TryGetId(key, out var known))
            {
                // Not expanded yet (everything expanded is at most `at` steps away): it goes again, nearer.
                if (depth < _best[known])
                {
                    _best[known] = depth;
                    _graph.Reparent(known, id);
                    _frontier.Enqueue(known, depth, _batch.State(i));
                }

                continue;
            }

            if (_graph.Count >= _options.MaxStates)
            {
                _stop = ExploreStop.StateLimit;
                break;
            }

            var next = _graph.Add(key, id);
            if (next == _best.Length)
            {
                Array.Resize(ref _best, _best.Length * 2);
            }

            _best[next] = depth;
            _frontier.Enqueue(next, depth, _batch.State(i));
            if (SearchWatch.Due(next))
            {
                _watch!.Look(ref _stop, next, _transitions, depth, _frontier.Count, _graph.Bytes + ((long)_best.Length * sizeof(int)) + _frontier.Bytes);
            }
        }

        _batch.Clear();
    }

    /// <summary>Keeps, for each kind of finding, the nearest one seen: a later state may still find one nearer by a shorter transition.</summary>
    private void Keep(int id, int length, bool atStep)
    {
        foreach (var finding in _kernel.Findings)
        {
            if (!_found.TryGetValue(finding.Kind, out var known) || length < known.Length)
            {
                _found[finding.Kind] = new FoundAt(id, length, atStep);
            }
        }
    }

    private readonly record struct FoundAt(int Id, int Length, bool AtStep);
}
