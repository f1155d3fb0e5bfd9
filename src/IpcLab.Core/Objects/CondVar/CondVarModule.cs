using IpcLab.Core.Model;
using IpcLab.Core.Objects.Mutex;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.CondVar;

/// <summary>
/// A Mesa-style condition variable: only a wait queue, no cells of its own. A woken thread is
/// ready, not running: it must re-acquire its mutex (a step of the mutex) before it goes on, and
/// by then the condition may be false again, which is why waits sit in a <c>while</c>.
/// </summary>
internal sealed class CondVarModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.CondVar;

    public override string DeclarationWord => "cond";

    public override string KindWord => "condition variable";

    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a condition variable has no initial value; write just `cond {d.Name}`");
        return d.Object(Kind, 0, 0, ValueKind.Int) with { Segment = d.Segment("condition variable") };
    }

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.CondWait, "wait"),
        new(OpCode.Signal, "signal") { Shape = new("signal c", ObjectKind.CondVar) },
        new(OpCode.Broadcast, "broadcast") { Shape = new("broadcast c", ObjectKind.CondVar) },
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.Waiting, EventClass.Block, "waiting") { Tag = "now waiting" },
        new(EventKind.Signalled, EventClass.Wake, "signalled") { OtherIsThread = true, Tag = "" },
        new(EventKind.SignalLost, EventClass.Drop, "signal-lost"),
        new(EventKind.Broadcast, EventClass.Wake, "broadcast") { Tag = "" },
        new(EventKind.Woken, EventClass.Wake, "woken"),
        new(EventKind.SpuriousWakeup, EventClass.Wake, "spurious-wakeup") { Tag = "just woken (spurious)" },
    ];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        k.RequireMapped(t, instr.A);
        switch (instr.Op)
        {
            case OpCode.CondWait: Wait(k, t, pc, instr); break;
            case OpCode.Signal: Signal(k, t, pc, instr); break;
            default: Broadcast(k, t, pc, instr); break;
        }
    }

    private static void Wait(IKernelServices k, int t, int pc, Instr instr)
    {
        var c = instr.A;
        var m = instr.B;
        k.RequireMapped(t, m);
        if (MutexModule.OwnerOf(k, m) != t)
        {
            throw new ThreadFaultException($"waits on {k.ObjectName(c)} without holding {k.ObjectName(m)}");
        }

        // Releasing m and joining c's queue happen in this one step. That is the whole point of
        // wait: a signaller must lock m before it can signal, so it cannot slip in between and
        // signal before this thread is in the queue — no wake-up is lost.
        k.JoinWaitQueue(t, c, ThreadStatus.Waiting);
        k.Emit(EventKind.Waiting, t, pc, c, m);
        MutexModule.Release(k, t, pc, m);
        k.MoveTo(t, instr.Next);
    }

    private static void Signal(IKernelServices k, int t, int pc, Instr instr)
    {
        var c = instr.A;
        var woken = k.ChooseWaiter(c);
        if (woken < 0)
        {
            k.Emit(EventKind.SignalLost, t, pc, c);
            k.MoveTo(t, instr.Next);
            return;
        }

        k.Wake(woken);
        k.Emit(EventKind.Signalled, t, pc, c, woken);
        k.Emit(EventKind.Woken, woken, k.PcOf(woken), c);
        k.MoveTo(t, instr.Next);
    }

    private static void Broadcast(IKernelServices k, int t, int pc, Instr instr)
    {
        var c = instr.A;
        var waiters = k.WaitersOf(c);
        k.Emit(EventKind.Broadcast, t, pc, c, value: waiters.Count);
        foreach (var w in waiters)
        {
            k.Wake(w);
            k.Emit(EventKind.Woken, w, k.PcOf(w), c);
        }

        k.MoveTo(t, instr.Next);
    }

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => $"waits on {o.Name}";

    internal override string WaitState(IKernelServices k, ObjectInfo o, int thread) => $"waiting on {o.Name}";

    internal override bool WritesOwnCellsOnly => true;

    // A condition variable has no state but its queue, which the threads' wait fields spell.
    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
    }

    public override string Describe(in EventWords w)
    {
        var (who, name) = (w.Who, w.Name);
        return w.Event.Kind switch
        {
            EventKind.Waiting => $"{who} waits on {name}: joins its queue and releases {w.Program.Objects[w.Event.Other].Name}, in one step",
            EventKind.Signalled => $"{who} signals {name}: wakes {w.Other}",
            EventKind.SignalLost => $"{who} signals {name}: nobody is waiting, the signal is lost",
            EventKind.Broadcast => w.Event.Value == 0
                ? $"{who} broadcasts {name}: nobody is waiting"
                : $"{who} broadcasts {name}: wakes {EventWords.Plural(w.Event.Value, "thread")}",
            EventKind.Woken => $"{who} wakes up from {name} and must re-acquire its mutex",
            EventKind.SpuriousWakeup => $"{who} wakes up from {name} without a signal (spurious wake-up)",
            _ => NotMine(w),
        };
    }
}
