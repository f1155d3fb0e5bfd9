using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Semaphore;

/// <summary>A counting semaphore: P takes a unit or blocks, V hands a unit to the first waiter or adds it to the count.</summary>
internal sealed class SemaphoreModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.Semaphore;

    public override string DeclarationWord => "semaphore";

    public override string KindWord => "semaphore";

    internal override ObjectInfo Declare(Declaration d)
    {
        var initial = d.Initial switch
        {
            null => 0,
            IntLit { Value: >= 0 } n => n.Value,
            _ => throw d.Error(d.Initial.Pos, "a semaphore's initial count must be a whole number, 0 or more"),
        };
        return d.Object(Kind, 0, initial, ValueKind.Int) with { Segment = d.Segment("semaphore") };
    }

    public override IReadOnlyList<string> Functions => ["value"];

    internal override CExpr Function(string name, ObjectInfo o) => new SemValueExpr(o.Id);

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.SemP, "P", "wait") { Shape = new("{0} s", ObjectKind.Semaphore) },
        new(OpCode.SemV, "V", "post") { Shape = new("{0} s", ObjectKind.Semaphore) },
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.SemDown, EventClass.Other, "sem-down") { ChangesObject = true },
        new(EventKind.SemBlocked, EventClass.Block, "blocked"),
        new(EventKind.SemUp, EventClass.Other, "sem-up") { ChangesObject = true },
        new(EventKind.SemHandedOff, EventClass.Wake, "sem-handed-off") { OtherIsThread = true, TagsOther = true, Tag = "just got {0}" },
    ];

    public override int CellCount(ObjectInfo o) => SemaphoreCells.Size;

    public override void Initialize(ObjectInfo o, Span<long> cells) => new SemaphoreCells(cells).Count = o.Initial;

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        var s = instr.A;
        k.RequireMapped(t, s);
        var sem = new SemaphoreCells(k.Cells(s));
        if (instr.Op == OpCode.SemP)
        {
            if (sem.Count > 0)
            {
                sem.Count--;
                k.Emit(EventKind.SemDown, t, pc, s, value: sem.Count);
                k.MoveTo(t, instr.Next);
                return;
            }

            k.JoinWaitQueue(t, s, ThreadStatus.Blocked);
            k.Emit(EventKind.SemBlocked, t, pc, s);
            return;
        }

        // V: a waiter is handed the unit directly (it never sees the count go up), so a P that
        // arrives between this V and the waiter's next step cannot take the unit away from it.
        var next = k.FirstWaiter(s);
        if (next < 0)
        {
            if (sem.Count == long.MaxValue)
            {
                throw new ThreadFaultException($"posts {k.ObjectName(s)}, whose count is already {long.MaxValue}: one more unit does not fit in 64 bits (integer overflow)");
            }

            sem.Count++;
            k.Emit(EventKind.SemUp, t, pc, s, value: sem.Count);
        }
        else
        {
            k.Wake(next);
            k.Emit(EventKind.SemHandedOff, t, pc, s, next);
            k.CompletePending(next);
        }

        k.MoveTo(t, instr.Next);
    }

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => new SemaphoreCells(k.Cells(o.Id)).Count > 0;

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) =>
        $"waits on semaphore {o.Name} (count {new SemaphoreCells(k.Cells(o.Id)).Count})";

    internal override string WaitState(IKernelServices k, ObjectInfo o, int thread) =>
        $"blocked on semaphore {o.Name} (count {new SemaphoreCells(k.Cells(o.Id)).Count})";

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var count = new SemaphoreCells(k.Cells(o.Id)).Count;
        Require(count >= 0, $"semaphore {o.Name} has count {count}");
        Require(count == 0 || k.FirstWaiter(o.Id) < 0, $"semaphore {o.Name} has count {count} and waiters");
    }

    internal override bool WritesOwnCellsOnly => true;

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        w.Label("count");
        w.Int(new SemaphoreCells(k.Cells(o.Id)).Count);
    }

    public override string Describe(in EventWords w) => w.Event.Kind switch
    {
        EventKind.SemDown => $"{w.Who} takes a unit of {w.Name} (count now {w.Event.Value})",
        EventKind.SemBlocked => $"{w.Who} blocks on {w.Name}: its count is 0",
        EventKind.SemUp => $"{w.Who} adds a unit to {w.Name} (count now {w.Event.Value})",
        EventKind.SemHandedOff => $"{w.Who} posts {w.Name}; {w.Other} was first in line and takes the unit",
        _ => NotMine(w),
    };
}
