using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Sessions;

/// <summary>
/// An interactive run: step forward with a scheduler or a chosen thread, step back to any
/// earlier step and forward again along the same timeline (like undo and redo), jump, inject.
/// Stepping back restores the nearest checkpoint and replays the schedule from there, so it is
/// exact. A new choice made in the past starts a new future; the old one is set aside (the last
/// one only), and <see cref="SwapFuture"/> brings it back, so a saved run opened in the session
/// stays reachable after a detour.
/// </summary>
public sealed class Session
{
    private const int CheckpointEvery = 32;

    private readonly List<ScheduleEntry> _timeline = [];
    private readonly Dictionary<int, KernelSnapshot> _checkpoints = [];
    private IScheduler _scheduler;
    private List<ScheduleEntry>? _setAside;

    public Session(CompiledProgram program, KernelOptions? options = null)
    {
        Kernel = new Kernel(program, options);
        _scheduler = new RoundRobinScheduler();
        Scheduler = SchedulerKind.RoundRobin;
        _checkpoints[0] = Kernel.Snapshot();
    }

    public Kernel Kernel { get; }

    public CompiledProgram Program => Kernel.Program;

    /// <summary>The current step (0 = before the first).</summary>
    public int Position => Kernel.StepCount;

    /// <summary>The whole timeline, including steps after the current one that can be redone.</summary>
    public IReadOnlyList<ScheduleEntry> Timeline => _timeline;

    public SchedulerKind Scheduler { get; private set; }

    /// <summary>The step where the last new choice branched off the timeline, or -1 when no future is set aside.</summary>
    public int BranchedAt { get; private set; } = -1;

    /// <summary>How many steps the set-aside future held after <see cref="BranchedAt"/> (0 when none).</summary>
    public int SetAsideSteps => _setAside is null ? 0 : _setAside.Count - BranchedAt;

    /// <summary>How many times a new choice has set a future aside (the UI compares it before and after a key).</summary>
    public int Branches { get; private set; }

    public ulong Seed { get; private set; } = 1;

    /// <summary>The thread that took the last step, or -1.</summary>
    public int LastThread => Position == 0 ? -1 : _timeline[Position - 1].Thread;

    public string SchedulerText => Scheduler switch
    {
        SchedulerKind.Manual => "manual",
        SchedulerKind.RoundRobin => "round-robin",
        _ => $"random (seed {Seed})",
    };

    /// <summary>True when the run can go no further (every thread ended, deadlock, budget).</summary>
    public bool IsOver => Kernel.IsOver && Position == _timeline.Count;

    public void UseScheduler(SchedulerKind kind, ulong seed = 1)
    {
        Scheduler = kind;
        Seed = seed;
        _scheduler = kind == SchedulerKind.Random ? new RandomScheduler(seed) : new RoundRobinScheduler();
    }

    /// <summary>
    /// One step: redo the next step of the timeline if there is one, else let the scheduler choose
    /// (in manual mode: the last thread if it can run, else the first ready thread).
    /// Returns null, or why no step could be taken.
    /// </summary>
    public string? Step()
    {
        if (Position < _timeline.Count)
        {
            Apply(_timeline[Position]);
            return null;
        }

        Span<int> runnable = stackalloc int[Kernel.Layout.ThreadCount];
        var n = Kernel.CollectRunnable(runnable);
        if (n == 0)
        {
            Kernel.Conclude();
            return "the run is over: no thread can take a step";
        }

        if (Kernel.StepCount >= Kernel.Options.MaxSteps)
        {
            Kernel.ExhaustBudget();
            return "the run used its whole step budget";
        }

        var thread = Scheduler == SchedulerKind.Manual
            ? (runnable[..n].Contains(LastThread) ? LastThread : runnable[0])
            : _scheduler.ChooseThread(Kernel, runnable[..n]);
        Record(() => Kernel.Step(thread, _scheduler));
        return null;
    }

    /// <summary>Runs a chosen thread for one step; returns null, or why it cannot run.</summary>
    public string? StepThread(int thread, int wakeChoice = -1)
    {
        var why = Kernel.WhyCannotRun(thread);
        if (why is not null)
        {
            return why;
        }

        if (Position < _timeline.Count && _timeline[Position] == ScheduleEntry.Run(thread, _timeline[Position].Woken) && wakeChoice < 0)
        {
            Apply(_timeline[Position]);
            return null;
        }

        Truncate();
        IWaiterChooser? chooser = wakeChoice >= 0 ? new ChosenWaiter(wakeChoice) : _scheduler;
        Record(() => Kernel.Step(thread, chooser));
        return null;
    }

    /// <summary>The waiters a step of this thread would choose among (it is about to signal with several waiting), else empty.</summary>
    public IReadOnlyList<int> WakeChoices(int thread)
    {
        var instr = Kernel.CanRun(thread) ? Kernel.NextInstruction(thread) : null;
        if (instr is not { Op: OpCode.Signal })
        {
            return [];
        }

        var waiters = Kernel.WaitersOf(instr.A);
        return waiters.Count > 1 ? waiters : [];
    }

    public string? InjectSpuriousWakeup(int thread)
    {
        if (Kernel.StatusOf(thread) != ThreadStatus.Waiting)
        {
            return $"{Kernel.ThreadName(thread)} is not waiting on a condition variable";
        }

        Truncate();
        Record(() => Kernel.InjectSpuriousWakeup(thread));
        return null;
    }

    public string? InjectCrash(int thread)
    {
        if (Kernel.WhyCannotCrash(thread) is { } why)
        {
            return why;
        }

        Truncate();
        Record(() => Kernel.InjectCrash(thread));
        return null;
    }

    /// <summary>Crashes a whole process (all its threads, its descriptors); null when done, else why not.</summary>
    public string? InjectProcessCrash(int process)
    {
        if (Kernel.WhyCannotCrashProcess(process) is { } why)
        {
            return why;
        }

        Truncate();
        Record(() => Kernel.InjectProcessCrash(process));
        return null;
    }

    /// <summary>Goes back <paramref name="steps"/> steps (not before step 0). The future stays, to redo.</summary>
    public void StepBack(int steps = 1) => GoTo(Math.Max(0, Position - steps));

    /// <summary>
    /// Goes to a step: back by restoring a checkpoint and replaying, forward by redoing the
    /// timeline and then stepping with the scheduler. Returns the step reached.
    /// </summary>
    public int GoTo(int step)
    {
        step = Math.Max(0, step);
        if (step < Position)
        {
            var from = _checkpoints.Keys.Where(k => k <= step).Max();
            Kernel.Restore(_checkpoints[from]);
            for (var i = from; i < step; i++)
            {
                Kernel.Apply(_timeline[i]);
            }

            ConcludeIfOver();
            return Position;
        }

        while (Position < step && Step() is null)
        {
        }

        return Position;
    }

    /// <summary>Steps until an event matching <paramref name="match"/> happens; returns whether one did.</summary>
    public bool RunUntil(Func<KernelEvent, bool> match, int maxSteps = 10_000)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            var before = Kernel.Events.Count;
            if (Step() is not null)
            {
                return false;
            }

            for (var e = before; e < Kernel.Events.Count; e++)
            {
                if (match(Kernel.Events[e]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Swaps the timeline with the future set aside by the last new choice: the run goes back to
    /// the step where they part (if it is past it), and the current future is set aside in turn.
    /// Returns false when no future is set aside.
    /// </summary>
    public bool SwapFuture()
    {
        if (_setAside is null)
        {
            return false;
        }

        GoTo(Math.Min(Position, BranchedAt));
        var current = _timeline.ToList();
        _timeline.Clear();
        _timeline.AddRange(_setAside);
        _setAside = current;
        DropCheckpointsAfter(BranchedAt);
        return true;
    }

    /// <summary>Back to step 0 with an empty timeline and a fresh scheduler (nothing is set aside).</summary>
    public void Restart()
    {
        Kernel.Restore(_checkpoints[0]);
        _timeline.Clear();
        _setAside = null;
        BranchedAt = -1;
        _checkpoints.Clear();
        _checkpoints[0] = Kernel.Snapshot();
        UseScheduler(Scheduler, Seed);
    }

    /// <summary>Loads a saved schedule as the timeline and goes to step <paramref name="at"/> (or its end).</summary>
    public void Load(IReadOnlyList<ScheduleEntry> schedule, int? at = null)
    {
        Restart();
        var error = Runner.TryApply(Kernel, schedule, schedule.Count);
        if (error is not null)
        {
            Restart();
            throw error;
        }

        _timeline.AddRange(schedule);
        GoTo(Math.Min(at ?? schedule.Count, schedule.Count));
        for (var s = 0; s <= _timeline.Count; s += CheckpointEvery)
        {
            EnsureCheckpoint(s);
        }

        // Opened at its very end, the run got there by TryApply, which concludes nothing: the
        // deadlock or the final checks of a finished run must show as they did when it was saved.
        ConcludeIfOver();
    }

    private void Apply(ScheduleEntry entry)
    {
        Kernel.Apply(entry);
        ConcludeIfOver();
        EnsureCheckpointHere();
    }

    private void Record(Action step)
    {
        step();
        _timeline.Add(Kernel.Schedule[^1]);
        ConcludeIfOver();
        EnsureCheckpointHere();
    }

    /// <summary>A deadlock (or the final checks) shows the moment no thread can run, however the last step was taken.</summary>
    private void ConcludeIfOver()
    {
        if (Kernel.IsOver)
        {
            Kernel.Conclude();
        }
    }

    /// <summary>Sets the steps after the current one aside: a new choice starts a new future.</summary>
    private void Truncate()
    {
        if (Position < _timeline.Count)
        {
            _setAside = _timeline.ToList();
            BranchedAt = Position;
            Branches++;
            _timeline.RemoveRange(Position, _timeline.Count - Position);
            DropCheckpointsAfter(Position);
        }
    }

    private void DropCheckpointsAfter(int step)
    {
        foreach (var k in _checkpoints.Keys.Where(k => k > step).ToArray())
        {
            _checkpoints.Remove(k);
        }
    }

    private void EnsureCheckpointHere()
    {
        if (Position % CheckpointEvery == 0)
        {
            _checkpoints.TryAdd(Position, Kernel.Snapshot());
        }
    }

    private void EnsureCheckpoint(int step)
    {
        if (_checkpoints.ContainsKey(step))
        {
            return;
        }

        var here = Position;
        GoTo(step);
        _checkpoints[step] = Kernel.Snapshot();
        GoTo(here);
    }

    private sealed class ChosenWaiter(int woken) : IWaiterChooser
    {
        public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) =>
            waiters.Contains(woken) ? woken : waiters[0];
    }
}
