using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Mutex;

/// <summary>
/// A lock with one owner and a FIFO entry queue. Unlock hands the mutex straight to the first in
/// line, so a blocked thread never retries and cannot be overtaken. A mutex that lives in a
/// shared-memory segment is robust: when its owner dies, the next locker takes it over and is told.
/// </summary>
internal sealed class MutexModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.Mutex;

    public override string DeclarationWord => "mutex";

    public override string KindWord => "mutex";

    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a mutex has no initial value; write just `mutex {d.Name}`");
        return d.Object(Kind, 0, 0, ValueKind.Int) with { Segment = d.Segment("mutex") };
    }

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Lock, "lock"),
        new(OpCode.Reacquire),
        new(OpCode.TryLock, "trylock") { Shape = new("trylock m -> ok", ObjectKind.Mutex, 0, ValueKind.Bool) },
        new(OpCode.Unlock, "unlock") { Shape = new("unlock m", ObjectKind.Mutex) },
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.Acquired, EventClass.Other, "acquired") { ChangesObject = true },
        new(EventKind.BlockedOnMutex, EventClass.Block, "blocked") { OtherIsThread = true },
        new(EventKind.Released, EventClass.Other, "released") { ChangesObject = true },
        new(EventKind.HandedOff, EventClass.Wake, "handed-off") { OtherIsThread = true, TagsOther = true, Tag = "just got {0}" },
        new(EventKind.TryLockFailed, EventClass.Other, "trylock-failed") { OtherIsThread = true },
        new(EventKind.OwnerDied, EventClass.Wake, "owner-died") { OtherIsThread = true, Tag = "took over {0} (owner died)" },
    ];

    public override int CellCount(ObjectInfo o) => MutexCells.Size;

    public override void Initialize(ObjectInfo o, Span<long> cells) => new MutexCells(cells).Owner = -1;

    internal static int OwnerOf(IKernelServices k, int mutex) => new MutexCells(k.Cells(mutex)).Owner;

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        k.RequireMapped(t, instr.A);
        switch (instr.Op)
        {
            case OpCode.Lock: Lock(k, t, pc, instr, reacquire: false); break;
            case OpCode.Reacquire: Lock(k, t, pc, instr, reacquire: true); break;
            case OpCode.TryLock: TryLock(k, t, pc, instr); break;
            default: Unlock(k, t, pc, instr); break;
        }
    }

    private static void Lock(IKernelServices k, int t, int pc, Instr instr, bool reacquire)
    {
        var m = instr.A;
        var mutex = new MutexCells(k.Cells(m));
        var owner = mutex.Owner;
        if (owner == t)
        {
            throw new ThreadFaultException($"locks {k.ObjectName(m)}, which it already holds (a mutex cannot be locked twice)");
        }

        if (owner < 0)
        {
            mutex.Owner = t;
            SetOwnerDiedFlag(k, t, 0);
            k.Emit(EventKind.Acquired, t, pc, m, value: reacquire ? 1 : 0);
            k.MoveTo(t, instr.Next);
            return;
        }

        if (IsOrphaned(k, m, owner))
        {
            mutex.Owner = t;
            SetOwnerDiedFlag(k, t, 1);
            k.Emit(EventKind.OwnerDied, t, pc, m, owner);
            k.MoveTo(t, instr.Next);
            return;
        }

        // The lock step itself stays pending: the unlocker hands the mutex over and moves this
        // thread past it, so a blocked thread never has to retry (and cannot be overtaken).
        k.JoinWaitQueue(t, m, ThreadStatus.Blocked);
        k.Emit(EventKind.BlockedOnMutex, t, pc, m, owner, reacquire ? 1 : 0);
        k.ReportCycleFrom(t, pc);
    }

    private static void TryLock(IKernelServices k, int t, int pc, Instr instr)
    {
        var m = instr.A;
        var mutex = new MutexCells(k.Cells(m));
        if (mutex.Owner == t)
        {
            throw new ThreadFaultException($"trylocks {k.ObjectName(m)}, which it already holds");
        }

        var free = mutex.IsFree;
        k.Local(t, instr.B) = free ? 1 : 0;
        if (free)
        {
            mutex.Owner = t;
            k.Emit(EventKind.Acquired, t, pc, m);
        }
        else
        {
            k.Emit(EventKind.TryLockFailed, t, pc, m, mutex.Owner);
        }

        k.MoveTo(t, instr.Next);
    }

    private static void Unlock(IKernelServices k, int t, int pc, Instr instr)
    {
        var m = instr.A;
        var owner = OwnerOf(k, m);
        if (owner != t)
        {
            var holder = owner < 0 ? "nobody holds it" : $"{k.ThreadName(owner)} holds it";
            throw new ThreadFaultException($"unlocks {k.ObjectName(m)}, which it does not hold ({holder})");
        }

        Release(k, t, pc, m);
        k.MoveTo(t, instr.Next);
    }

    /// <summary>Frees a mutex, or passes it straight to the first thread in its entry queue (unlock, and the first half of a wait).</summary>
    internal static void Release(IKernelServices k, int t, int pc, int m)
    {
        var mutex = new MutexCells(k.Cells(m));
        var next = k.FirstWaiter(m);
        if (next < 0)
        {
            mutex.Owner = -1;
            k.Emit(EventKind.Released, t, pc, m);
            return;
        }

        mutex.Owner = next;
        k.Wake(next);
        SetOwnerDiedFlag(k, next, 0);
        k.Emit(EventKind.HandedOff, t, pc, m, next);
        k.CompletePending(next);
    }

    /// <summary>
    /// After thread <paramref name="dead"/> stopped: each robust mutex it held that has a queue
    /// passes to its first waiter, who is told the owner died. Without this the waiters would
    /// hang silently; a mutex with no queue stays held until the next lock takes it over.
    /// </summary>
    private static void HandOverOrphaned(IKernelServices k, ObjectInfo o, int dead)
    {
        var mutex = new MutexCells(k.Cells(o.Id));
        if (mutex.Owner != dead || o.Segment < 0)
        {
            return;
        }

        var next = k.FirstWaiter(o.Id);
        if (next >= 0)
        {
            mutex.Owner = next;
            k.Wake(next);
            SetOwnerDiedFlag(k, next, 1);
            k.Emit(EventKind.OwnerDied, next, k.PcOf(next), o.Id, dead);
            k.CompletePending(next);
        }
    }

    internal override void OnThreadEnd(IKernelServices k, int thread)
    {
        var objects = k.Program.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i].Kind == ObjectKind.Mutex)
            {
                HandOverOrphaned(k, objects[i], thread);
            }
        }
    }

    /// <summary>True for a mutex in shared memory whose owner has died (crashed, faulted or ended holding it).</summary>
    private static bool IsOrphaned(IKernelServices k, int m, int owner) =>
        owner >= 0 && k.Program.Objects[m].Segment >= 0 && k.HasEnded(owner);

    /// <summary>Sets the result of <c>lock m -> ownerDied</c>, when the thread is at such a lock.</summary>
    private static void SetOwnerDiedFlag(IKernelServices k, int t, long value)
    {
        var instr = k.Program.Threads[t].Code[k.PcOf(t)];
        if (instr is { Op: OpCode.Lock, B: >= 0 })
        {
            k.Local(t, instr.B) = value;
        }
    }

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread)
    {
        var owner = OwnerOf(k, o.Id);
        return owner < 0 || owner == thread || IsOrphaned(k, o.Id, owner);
    }

    internal override int Holder(IKernelServices k, ObjectInfo o) => OwnerOf(k, o.Id);

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread)
    {
        var owner = OwnerOf(k, o.Id);
        var ownerState = k.StatusOf(owner) switch
        {
            ThreadStatus.Faulted when k.HasCrashed(owner) => " (which has crashed and will never unlock it)",
            ThreadStatus.Faulted => " (which has faulted and will never unlock it)",
            ThreadStatus.Finished => " (which has finished without unlocking it)",
            _ => "",
        };
        return $"waits on mutex {o.Name} held by {k.ThreadName(owner)}{ownerState}";
    }

    internal override string WaitState(IKernelServices k, ObjectInfo o, int thread)
    {
        var owner = OwnerOf(k, o.Id);
        var holder = owner < 0 ? "free" : $"held by {k.ThreadName(owner)}";
        var ownerEnded = owner < 0 ? "" : k.StatusOf(owner) switch
        {
            ThreadStatus.Faulted when k.HasCrashed(owner) => ", which has crashed",
            ThreadStatus.Faulted => ", which has faulted",
            ThreadStatus.Finished => ", which has finished",
            _ => "",
        };
        return $"blocked on mutex {o.Name} ({holder}{ownerEnded})";
    }

    // At most one owner by construction (one owner field); the owner must be a real thread, and a
    // free mutex has nobody in its entry queue (unlock hands it over).
    internal override void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var owner = OwnerOf(k, o.Id);
        Require(owner >= -1 && owner < k.Program.Threads.Count, $"mutex {o.Name} has owner {owner}");
        Require(owner >= 0 || k.FirstWaiter(o.Id) < 0, $"mutex {o.Name} is free but has waiters");
    }

    internal override bool WritesOwnCellsOnly => true;

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        w.Label("owner");
        w.Thread(OwnerOf(k, o.Id));
    }

    public override string Describe(in EventWords w)
    {
        var (who, name, other) = (w.Who, w.Name, w.Other);
        var inWait = w.Instr?.Op == OpCode.CondWait;
        return w.Event.Kind switch
        {
            EventKind.Acquired => w.Event.Value == 1 ? $"{who} re-acquires {name}" : $"{who} locks {name}",
            EventKind.BlockedOnMutex => w.Event.Value == 1
                ? $"{who} woke up but {name} is held by {other}: blocks until it is handed over"
                : $"{who} blocks on {name}: held by {other}",
            EventKind.Released => inWait ? $"{who} releases {name} (nobody is waiting for it)" : $"{who} unlocks {name}",
            EventKind.HandedOff => inWait
                ? $"{who} releases {name}; {other} was first in line and now holds it"
                : $"{who} unlocks {name}; {other} was first in line and now holds it",
            EventKind.TryLockFailed => $"{who} tries {name}: held by {other}, gives up (false)",
            EventKind.OwnerDied => $"{who} locks {name}: its owner {other} died holding it, so {who} takes it over (EOWNERDEAD: what {name} guards may be half-updated)",
            _ => NotMine(w),
        };
    }
}
