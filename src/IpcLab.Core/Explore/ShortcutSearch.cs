using System.Globalization;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// Shortens a failing run by shortcuts, for graphs too big to search from the start to the run's
/// length: a small breadth-first search (a window) from the state at one index of the run, whose
/// targets are the run's later states. When the state at index i is reached in d steps from index
/// a, with a + d &lt; i, the window's path replaces the run's steps between them (the run from i on
/// is the same state's future, so it still fails the same way); a window that reaches the finding
/// itself ends the run there. A window that finds no shortcut moves the start along the run.
/// <para>
/// With interchangeable threads (<see cref="ThreadSymmetry"/>) states are matched up to a renaming
/// of them: a window that reaches a renaming of a later state of the run splices in the rest of
/// the run renamed the same way, which is the renamed state's future. Every splice is replayed
/// before it is kept.
/// </para>
/// <para>
/// The kernel only steps forward, so there is no search backward from the finding's state; the
/// windows are the forward stand-in: each one asks which later state of the run is nearer than the
/// run thinks, and the last windows start a few steps before the finding.
/// </para>
/// Bounded by the states all windows together may store.
/// </summary>
internal sealed class ShortcutSearch
{
    /// <summary>Progress is told each time the windows have stored this many more states.</summary>
    private const long ProgressEvery = 100_000;

    private readonly Kernel _kernel;
    private readonly FindingKind _kind;
    private readonly int _windowStates;
    private readonly long _budget;
    private readonly Action<string>? _progress;
    private readonly ChoicePath _choices = new();
    private readonly int[] _runnable;
    private readonly Dictionary<ulong, (int Index, int[] Renamed)> _targets = [];
    private ThreadSymmetry? _symmetry;
    private readonly Dictionary<ulong, int> _seen = [];
    private readonly List<Node> _nodes = [];
    private int _original;
    private int _best;

    /// <param name="windowStates">States one window may store.</param>
    /// <param name="budget">States all windows together may store.</param>
    public ShortcutSearch(CompiledProgram program, FindingKind kind, int maxSteps, int windowStates, long budget, Action<string>? progress)
    {
        _kernel = new Kernel(program, new KernelOptions { MaxSteps = maxSteps, RecordEvents = false, CheckInvariants = false });
        _kind = kind;
        _windowStates = windowStates;
        _budget = budget;
        _progress = progress;
        _runnable = new int[_kernel.Layout.ThreadCount];
        _symmetry = ThreadSymmetry.Of(program) is { Note: null } symmetry ? symmetry : null;
    }

    /// <summary>States the windows stored in all.</summary>
    public long States { get; private set; }

    /// <summary>Kernel steps the windows and the replays took in all.</summary>
    public long Steps { get; private set; }

    /// <summary>Shortcuts spliced into the run.</summary>
    public int Shortcuts { get; private set; }

    /// <summary>The run with every shortcut the budget found spliced in (as far as it got when <paramref name="cancel"/> stopped it); <paramref name="schedule"/> itself when none.</summary>
    public ScheduleEntry[] Shrink(IReadOnlyList<ScheduleEntry> schedule, CancellationToken cancel = default)
    {
        var run = schedule.ToArray();
        if (run.Any(e => e.Kind is ScheduleEntryKind.Crash or ScheduleEntryKind.ProcessCrash))
        {
            _symmetry = null; // a crash names one thread or process: no renaming may move it
        }

        (_original, _best) = (run.Length, run.Length);
        var at = 0;
        while (at < run.Length - 1 && States < _budget && !cancel.IsCancellationRequested)
        {
            if (Window(run, at, out var reached) is { } shorter)
            {
                run = shorter;
                _best = run.Length;
                Shortcuts++;
                continue; // the run after `at` changed: its new later states are new targets
            }

            // Every state within `reached` steps of index `at` was seen: a window from the next
            // few indices would mostly see them again.
            at += Math.Max(1, reached / 2);
        }

        return run;
    }

    /// <summary>
    /// One window from index <paramref name="at"/>: the run with the shortcut that saves the most
    /// steps among those of the first layer that has any, or null; <paramref name="reached"/> is
    /// the depth the window got to.
    /// </summary>
    private ScheduleEntry[]? Window(ScheduleEntry[] run, int at, out int reached)
    {
        var start = Targets(run, at);
        _nodes.Clear();
        _seen.Clear();
        _nodes.Add(new Node(start, -1, default, 0));
        _seen[Key()] = 0;
        var state = new long[start.Length];
        Shortcut? best = null;
        reached = 0;
        for (var head = 0; head < _nodes.Count && best is null; head++)
        {
            var node = _nodes[head];
            reached = node.Depth;

            // Deeper than this, no target is nearer than the run already has it.
            if (at + node.Depth + 1 >= run.Length)
            {
                break;
            }

            // The rest of this node's layer is searched after a first hit, so the shortcut kept is
            // the best of its layer; the layer after is not started.
            best = Expand(head, node, at, run.Length, state);
            for (var same = head + 1; best is not null && same < _nodes.Count && _nodes[same].Depth == node.Depth; same++)
            {
                if (Expand(same, _nodes[same], at, run.Length, state) is { } other && other.Saving > best.Value.Saving)
                {
                    best = other;
                }
            }
        }

        States += _nodes.Count;
        Tell();
        return best is { } found ? Splice(run, at, found) : null;
    }

    /// <summary>Tries every step from one node; the shortcut that saves the most from it, or null. New states are stored while the window has room.</summary>
    private Shortcut? Expand(int id, Node node, int at, int length, long[] state)
    {
        Shortcut? best = null;
        void Consider(Shortcut s)
        {
            if (s.Saving > 0 && (best is null || s.Saving > best.Value.Saving))
            {
                best = s;
            }
        }

        _kernel.LoadState(node.State, at + node.Depth);
        var n = _kernel.CollectRunnable(_runnable);
        if (n == 0)
        {
            _kernel.Conclude();
            if (_kernel.Findings.Any(f => f.Kind == _kind))
            {
                Consider(new Shortcut(id, null, -1, length - (at + node.Depth), null));
            }

            return best;
        }

        var threads = _runnable[..n];
        foreach (var thread in threads)
        {
            _choices.Begin();
            do
            {
                _kernel.LoadState(node.State, at + node.Depth);
                _choices.Rewind();
                _kernel.Step(thread, _choices);
                Steps++;
                var entry = _kernel.Schedule[0];
                var depth = at + node.Depth + 1;
                if (_kernel.Findings.Count > 0)
                {
                    // A finding ends the branch; the one sought ends the run right here.
                    if (_kernel.Findings.Any(f => f.Kind == _kind))
                    {
                        Consider(new Shortcut(id, entry, -1, length - depth, null));
                    }

                    continue;
                }

                var key = Key();
                if (_targets.TryGetValue(key, out var target) && target.Index > depth)
                {
                    Consider(new Shortcut(id, entry, target.Index, target.Index - depth, Renaming(target.Renamed)));
                }

                if (_nodes.Count < _windowStates && States + _nodes.Count < _budget && _seen.TryAdd(key, _nodes.Count))
                {
                    _kernel.CopyStateTo(state);
                    _nodes.Add(new Node((long[])state.Clone(), id, entry, node.Depth + 1));
                }
            }
            while (_choices.Advance());
        }

        return best;
    }

    /// <summary>Replays the run, keeping the key of each state after index <paramref name="at"/> (the latest index of a key seen twice); returns the state at <paramref name="at"/>.</summary>
    private long[] Targets(ScheduleEntry[] run, int at)
    {
        _targets.Clear();
        _kernel.Reset();
        var start = new long[_kernel.StateSize];
        for (var i = 0; i < run.Length; i++)
        {
            if (i == at)
            {
                _kernel.CopyStateTo(start);
            }

            _kernel.Apply(run[i]);
            Steps++;
            if (i + 1 > at && i + 1 < run.Length)
            {
                _targets[Key()] = (i + 1, _symmetry is null ? [] : (int[])_symmetry.Renamed.Clone());
            }
        }

        _kernel.LoadState(start, at);
        return start;
    }

    /// <summary>The run's first <paramref name="at"/> entries, the window's path, then the run from the target on; checked by replaying it.</summary>
    private ScheduleEntry[]? Splice(ScheduleEntry[] run, int at, Shortcut shortcut)
    {
        var path = new List<ScheduleEntry>();
        if (shortcut.Last is { } last)
        {
            path.Add(last);
        }

        for (var id = shortcut.From; _nodes[id].Parent >= 0; id = _nodes[id].Parent)
        {
            path.Add(_nodes[id].Via);
        }

        path.Reverse();
        var rest = shortcut.Target < 0 ? [] : run.AsSpan(shortcut.Target).ToArray();
        if (shortcut.Renaming is { } renaming)
        {
            for (var i = 0; i < rest.Length; i++)
            {
                rest[i] = rest[i] with { Thread = renaming[rest[i].Thread], Woken = rest[i].Woken < 0 ? -1 : renaming[rest[i].Woken] };
            }
        }

        ScheduleEntry[] candidate = [.. run.AsSpan(0, at), .. path, .. rest];
        _kernel.Reset();
        var misfit = Scheduling.Runner.TryApply(_kernel, candidate, candidate.Length);
        Steps += _kernel.StepCount;
        if (misfit is not null)
        {
            return null;
        }

        _kernel.Conclude();
        return _kernel.Findings.Any(f => f.Kind == _kind) && candidate.Length < run.Length ? candidate : null;
    }

    /// <summary>The key of the kernel's present state: its hash up to a renaming of interchangeable threads, if any.</summary>
    private ulong Key() => _symmetry?.Key(_kernel) ?? _kernel.StateHash();

    /// <summary>
    /// After <see cref="Key"/> of a state with the key of a target whose threads took the canonical
    /// places <paramref name="target"/>: which thread of this state each thread of the target is (null: the same).
    /// </summary>
    private int[]? Renaming(int[] target)
    {
        if (_symmetry is null)
        {
            return null;
        }

        var here = _symmetry.Renamed;
        var threadAt = new int[here.Length];
        for (var t = 0; t < here.Length; t++)
        {
            threadAt[here[t]] = t;
        }

        var renaming = new int[target.Length];
        for (var t = 0; t < target.Length; t++)
        {
            renaming[t] = threadAt[target[t]];
        }

        return renaming;
    }

    private void Tell()
    {
        if (_progress is not null && States / ProgressEvery > (States - _nodes.Count) / ProgressEvery)
        {
            _progress(string.Create(CultureInfo.InvariantCulture,
                $"shrinking by shortcuts: {_original} steps down to {_best} so far; {Shortcuts} shortcuts, {States:N0} of at most {_budget:N0} states searched"));
        }
    }

    /// <summary>A state of a window: the state array, the node it was reached from and by which entry, and its distance from the window's start.</summary>
    private readonly record struct Node(long[] State, int Parent, ScheduleEntry Via, int Depth);

    /// <summary>
    /// From node <paramref name="From"/>, entry <paramref name="Last"/> (none: the node itself concludes with the
    /// finding) reaches the run's state at index <paramref name="Target"/> (-1: the finding itself), saving <paramref name="Saving"/> steps;
    /// the rest of the run goes on with each thread t as thread <paramref name="Renaming"/>[t] (null: unrenamed).
    /// </summary>
    private readonly record struct Shortcut(int From, ScheduleEntry? Last, int Target, int Saving, int[]? Renaming);
}
