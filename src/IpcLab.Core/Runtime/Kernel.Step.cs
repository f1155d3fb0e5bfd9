using System.Runtime.CompilerServices;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Mutex;

namespace IpcLab.Core.Runtime;

// Taking steps: one atomic operation of one thread, or one injected fault.
public sealed partial class Kernel
{
    /// <summary>
    /// Runs one atomic operation of <paramref name="thread"/>. A blocking operation still counts as
    /// a step (the thread joins a queue). <paramref name="chooser"/> picks the waiter a signal wakes
    /// when several wait; without one, the first in line (FIFO).
    /// </summary>
    /// <exception cref="InvalidOperationException">The thread cannot run; <see cref="WhyCannotRun"/> says why.</exception>
    public void Step(int thread, IWaiterChooser? chooser = null)
    {
        if (!CanRun(thread))
        {
            throw new InvalidOperationException(WhyCannotRun(thread));
        }

        StepCount++;
        _pendingWoken = -1;
        _chooser = chooser;
        var pc = PcOf(thread);
        var instr = _code[thread][pc];
        try
        {
            Execute(thread, pc, instr);
        }
        catch (ThreadFaultException fault)
        {
            FaultThread(thread, pc, FindingKind.Fault, EventKind.Faulted, fault.Message);
        }

        _chooser = null;
        PassTime();
        RecordEntry(ScheduleEntry.Run(thread, _pendingWoken));

        AssertInvariantsIfEnabled();
    }

    /// <summary>Carries out one saved schedule entry exactly (used by replay).</summary>
    public void Apply(ScheduleEntry entry)
    {
        switch (entry.Kind)
        {
            case ScheduleEntryKind.Run:
                Step(entry.Thread, entry.Woken >= 0 ? new FixedWaiter(entry.Woken) : null);
                break;
            case ScheduleEntryKind.SpuriousWakeup:
                InjectSpuriousWakeup(entry.Thread);
                break;
            case ScheduleEntryKind.Crash:
                InjectCrash(entry.Thread);
                break;
            case ScheduleEntryKind.ProcessCrash:
                InjectProcessCrash(entry.Thread);
                break;
            case ScheduleEntryKind.LostAck:
                InjectLostAck(entry.Thread);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "unknown schedule entry");
        }
    }

    /// <summary>Wakes a thread waiting on a condition variable without a signal (a step of its own).</summary>
    public void InjectSpuriousWakeup(int thread)
    {
        if (_concluded || StatusOf(thread) != ThreadStatus.Waiting)
        {
            throw new InvalidOperationException($"{ThreadName(thread)} is not waiting on a condition variable");
        }

        StepCount++;
        var cond = WaitObjectOf(thread);
        Wake(thread);
        Emit(EventKind.SpuriousWakeup, thread, PcOf(thread), cond);
        PassTime();
        RecordEntry(new ScheduleEntry(ScheduleEntryKind.SpuriousWakeup, thread));

        AssertInvariantsIfEnabled();
    }

    /// <summary>Crashes a thread (a step of its own): it leaves every wait queue and keeps what it holds.</summary>
    public void InjectCrash(int thread)
    {
        if (WhyCannotCrash(thread) is { } why)
        {
            throw new InvalidOperationException(why);
        }

        StepCount++;
        var pc = PcOf(thread);
        if (Objects.Broker.BrokerRestart.BrokerOfThread(this, thread) is { } broker)
        {
            // The broker's thread is the broker: it crashes as a broker does, and restarts with its next step.
            Objects.Broker.BrokerRestart.Crash(this, -1, -1, broker);
            PassTime();
            RecordEntry(new ScheduleEntry(ScheduleEntryKind.Crash, thread));
            AssertInvariantsIfEnabled();
            return;
        }

        if (Objects.Topic.ReplicaFailover.BrokerOfThread(Program, thread) is var (topic, replica))
        {
            // A replica's thread is its broker: the broker goes down, and the thread's next step restarts it.
            Objects.Topic.ReplicaFailover.Crash(this, -1, -1, topic, replica);
            PassTime();
            RecordEntry(new ScheduleEntry(ScheduleEntryKind.Crash, thread));
            AssertInvariantsIfEnabled();
            return;
        }

        SetStatus(thread, ThreadStatus.Faulted);
        LeaveWaitQueue(thread);
        _data[Layout.ThreadField(thread, StateLayout.FaultField)] = Strings.Intern("crashed (injected)");
        Emit(EventKind.Crashed, thread, pc, HeldMutex(thread));
        ThreadEnded(thread);
        PassTime();
        RecordEntry(new ScheduleEntry(ScheduleEntryKind.Crash, thread));

        AssertInvariantsIfEnabled();
    }

    private void Execute(int t, int pc, Instr instr)
    {
        var module = ObjectModules.OwnerOf(instr.Op)
            ?? throw new InvalidOperationException($"no module carries out the instruction {instr.Op}");
        module.Step(this, t, pc, instr);
    }

    private EvalContext Context(int t) => new(_data, Layout, Strings, t, Layout.LocalBase(t), _selfName[t]);

    private long Eval(int t, CExpr expr) => expr.Eval(Context(t));

    private void SetStatus(int t, ThreadStatus status) =>
        _data[Layout.ThreadField(t, StateLayout.StatusField)] = (long)status;

    /// <summary>Moves a thread to instruction <paramref name="next"/>; -1 finishes it (in the same step).</summary>
    private void MoveTo(int t, int next)
    {
        _data[Layout.ThreadField(t, StateLayout.PcField)] = next;
        if (next < 0)
        {
            Finish(t);
        }
    }

    // Kept out of MoveTo, which every step runs: the hot callers stay small enough to inline what they need.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Finish(int t)
    {
        SetStatus(t, ThreadStatus.Finished);
        Emit(EventKind.Finished, t, -1, HeldMutex(t));
        ThreadEnded(t);
        var process = Layout.ProcessOf(t);
        if (!IsProcessAlive(process))
        {
            // The process exits with its last thread: its descriptors close, naming that thread.
            var modules = ObjectModules.All;
            for (var i = 0; i < modules.Count; i++)
            {
                modules[i].OnProcessEnd(this, process, lastThread: t);
            }
        }
    }

    private void FaultThread(int t, int pc, FindingKind finding, EventKind kind, string message)
    {
        var id = Strings.Intern(message);
        SetStatus(t, ThreadStatus.Faulted);
        LeaveWaitQueue(t);
        _data[Layout.ThreadField(t, StateLayout.FaultField)] = id;
        EmitFinding(finding, kind, t, pc, HeldMutex(t), -1, id);
        ThreadEnded(t);
    }

    /// <summary>The first mutex a thread holds, or -1 (to warn when a thread ends holding one).</summary>
    private int HeldMutex(int t)
    {
        var mutexes = _idsByKind[(int)ObjectKind.Mutex];
        for (var slot = 0; slot < mutexes.Length; slot++)
        {
            if (MutexModule.OwnerOf(this, mutexes[slot]) == t)
            {
                return mutexes[slot];
            }
        }

        return -1;
    }

    private sealed class FixedWaiter(int woken) : IWaiterChooser
    {
        public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) =>
            waiters.Contains(woken)
                ? woken
                : throw new InvalidOperationException(
                    $"the schedule says {kernel.ThreadName(woken)} is woken, but it is not waiting on {kernel.ObjectName(condition)}");
    }
}
