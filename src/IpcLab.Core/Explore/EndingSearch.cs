using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// A breadth-first search from one state of a failing run to the nearest step that finds the same
/// kind again: a shortest ending of the run from there. It takes the explorer's reductions where
/// they apply (<see cref="ThreadSymmetry"/> keys, and transitions through a thread's invisible
/// steps as <see cref="MergingSearch"/> takes them) and tries the kinds of injection the run made
/// from every state, so an ending may drop, move or add a spurious wake-up or a crash.
/// <para>
/// States are expanded in the order of their distance in steps (a transition counts the steps it
/// stands for), and a state reached again in fewer steps before it is expanded is queued again with
/// the state and path of the nearer way in, so the ending found is the shortest the search saw.
/// Only the states still to expand keep their cells; the rest keep their parent and the entries
/// that led there.
/// </para>
/// </summary>
internal sealed class EndingSearch
{
    /// <summary>A search tells how far it is each time it has stored this many more states.</summary>
    public const int ProgressEvery = 100_000;

    private readonly Kernel _kernel;
    private readonly FindingKind _kind;
    private readonly int _maxSteps;
    private readonly InvisibleSteps? _invisible;
    private readonly ThreadSymmetry? _symmetry;
    private readonly IReadOnlyList<ScheduleEntry> _injections;
    private readonly ChoicePath _choices = new();
    private readonly int[] _runnable;
    private readonly int[] _threads;
    private readonly Dictionary<ulong, int> _ids = [];
    private readonly List<Node> _nodes = [];
    private readonly List<List<int>> _layers = [];
    private (int From, ScheduleEntry[]? Last, int Length) _best;

    /// <param name="run">The failing run: the kinds of injection it made are the search's choices too.</param>
    public EndingSearch(CompiledProgram program, FindingKind kind, int maxSteps, IReadOnlyList<ScheduleEntry> run)
    {
        _kernel = new Kernel(program, new KernelOptions { MaxSteps = maxSteps, RecordEvents = false, CheckInvariants = false });
        _kind = kind;
        _maxSteps = maxSteps;
        _runnable = new int[_kernel.Layout.ThreadCount];
        _threads = new int[_kernel.Layout.ThreadCount];
        var crashes = run.Any(e => e.Kind is ScheduleEntryKind.Crash or ScheduleEntryKind.ProcessCrash);
        _injections = InjectedChoices.Of(program, new ExploreOptions
        {
            SpuriousWakeups = run.Any(e => e.Kind == ScheduleEntryKind.SpuriousWakeup),
            CrashThreads = [.. run.Where(e => e.Kind == ScheduleEntryKind.Crash).Select(e => e.Thread).Distinct()],
            CrashProcesses = [.. run.Where(e => e.Kind == ScheduleEntryKind.ProcessCrash).Select(e => e.Thread).Distinct()],
        });

        // The same conditions as the explorer's: an injection can come between any two steps, and a
        // clock moves with every step, so neither leaves a step unobserved; a crash names one thread.
        _invisible = _injections.Count == 0 && !_kernel.Layout.HasClock ? InvisibleSteps.Of(program).Steps : null;
        _symmetry = !crashes && ThreadSymmetry.Of(program) is { Note: null } symmetry ? symmetry : null;
    }

    /// <summary>States the searches stored in all, before the one under way.</summary>
    public long States { get; private set; }

    /// <summary>Told the states the search under way has stored, every <see cref="ProgressEvery"/>.</summary>
    public Action<int>? Stored { get; init; }

    /// <summary>Kernel steps the searches took in all.</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// The entries of a shortest ending of fewer than <paramref name="within"/> steps from the state
    /// <paramref name="run"/>'s first <paramref name="at"/> entries reach, or null when there is none
    /// (<paramref name="complete"/> true: none within the bound) or the search stopped at
    /// <paramref name="budget"/> states first (<paramref name="complete"/> false; an ending it had
    /// found by then is still returned: shorter than the run's, maybe not the shortest). Stopped
    /// by <paramref name="cancel"/> it is not complete either.
    /// </summary>
    public ScheduleEntry[]? Search(IReadOnlyList<ScheduleEntry> run, int at, int within, int budget, out bool complete, CancellationToken cancel = default)
    {
        _kernel.Reset();
        if (Runner.TryApply(_kernel, run, at) is not null)
        {
            throw new InvalidOperationException($"the run's first {at} entries do not replay: the kernel is not deterministic");
        }

        _ids.Clear();
        _nodes.Clear();
        foreach (var layer in _layers)
        {
            layer.Clear();
        }

        _best = (-1, null, within);
        var start = new long[_kernel.StateSize];
        _kernel.CopyStateTo(start);
        Add(Key(), new Node(start, -1, [], 0));
        complete = true;
        for (var depth = 0; depth < _best.Length && depth < _layers.Count && complete; depth++)
        {
            // A layer grows while it is expanded only by nodes reached again nearer; those come after.
            for (var i = 0; i < _layers[depth].Count && complete; i++)
            {
                var id = _layers[depth][i];
                var node = _nodes[id];
                if (node.Depth != depth || node.State is not { } state)
                {
                    continue; // queued again nearer the start and expanded from there
                }

                node.State = null;
                complete = Expand(id, state, at + depth, at, budget) && (id % 1024 != 0 || !cancel.IsCancellationRequested);
            }
        }

        States += _nodes.Count;
        return _best.From < 0 ? null : Path(_best.From, _best.Last);
    }

    /// <summary>Every transition from one node; false when the budget of states ran out.</summary>
    private bool Expand(int id, long[] state, int step, int at, int budget)
    {
        _kernel.LoadState(state, step);
        var n = _kernel.CollectRunnable(_runnable);
        if (n == 0)
        {
            _kernel.Conclude();
            if (_kernel.Findings.Any(f => f.Kind == _kind) && step - at < _best.Length)
            {
                _best = (id, null, step - at);
            }
        }

        _runnable.AsSpan(0, n).CopyTo(_threads);
        foreach (var thread in _threads.AsSpan(0, n))
        {
            _choices.Begin();
            do
            {
                _kernel.LoadState(state, step);
                _choices.Rewind();
                var steps = _invisible is null ? Single(thread) : MergingSearch.Transition(_kernel, _invisible, thread, _choices, step, _maxSteps);
                if (!Reached(id, step + steps - at, budget))
                {
                    return false;
                }
            }
            while (_choices.Advance());
        }

        foreach (var injection in _injections)
        {
            _kernel.LoadState(state, step);
            if (InjectedChoices.CanInject(_kernel, injection))
            {
                _kernel.Apply(injection);
                if (!Reached(id, step + 1 - at, budget))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private int Single(int thread)
    {
        _kernel.Step(thread, _choices);
        return 1;
    }

    /// <summary>After a transition from node <paramref name="from"/> to <paramref name="depth"/> steps from the start: keeps a finding, or the state reached. False when a new state found no room.</summary>
    private bool Reached(int from, int depth, int budget)
    {
        Steps += _kernel.Schedule.Count;
        if (depth >= _best.Length)
        {
            return true; // no ending through here is shorter than the best one known
        }

        if (_kernel.Findings.Count > 0)
        {
            if (_kernel.Findings.Any(f => f.Kind == _kind))
            {
                _best = (from, [.. _kernel.Schedule], depth);
            }

            return true;
        }

        var key = Key();
        if (_ids.TryGetValue(key, out var known))
        {
            // Not expanded yet (everything expanded is nearer than this): it goes again, nearer,
            // with this state, whose threads the entries after it name.
            var node = _nodes[known];
            if (depth < node.Depth)
            {
                (node.State, node.Parent, node.Via, node.Depth) = (Copy(), from, [.. _kernel.Schedule], depth);
                Layer(depth).Add(known);
            }

            return true;
        }

        if (_nodes.Count >= budget)
        {
            return false;
        }

        Add(key, new Node(Copy(), from, [.. _kernel.Schedule], depth));
        return true;
    }

    private void Add(ulong key, Node node)
    {
        _ids[key] = _nodes.Count;
        Layer(node.Depth).Add(_nodes.Count);
        _nodes.Add(node);
        if (_nodes.Count % ProgressEvery == 0)
        {
            Stored?.Invoke(_nodes.Count);
        }
    }

    private List<int> Layer(int depth)
    {
        while (_layers.Count <= depth)
        {
            _layers.Add([]);
        }

        return _layers[depth];
    }

    private long[] Copy()
    {
        var state = new long[_kernel.StateSize];
        _kernel.CopyStateTo(state);
        return state;
    }

    private ulong Key() => _symmetry?.Key(_kernel) ?? _kernel.StateHash();

    private ScheduleEntry[] Path(int id, ScheduleEntry[]? last)
    {
        var parts = new List<ScheduleEntry[]>();
        if (last is not null)
        {
            parts.Add(last);
        }

        for (; id > 0; id = _nodes[id].Parent)
        {
            parts.Add(_nodes[id].Via);
        }

        parts.Reverse();
        return [.. parts.SelectMany(p => p)];
    }

    /// <summary>A state of the search: its cells while it waits to be expanded, its parent, the entries from there, and its distance in steps.</summary>
    private sealed class Node(long[]? state, int parent, ScheduleEntry[] via, int depth)
    {
        public long[]? State { get; set; } = state;

        public int Parent { get; set; } = parent;

        public ScheduleEntry[] Via { get; set; } = via;

        public int Depth { get; set; } = depth;
    }
}
