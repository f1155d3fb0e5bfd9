using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.BoundedQueue;

/// <summary>
/// A plain bounded buffer that never blocks: put on a full queue and take from an empty one are
/// faults. That is what makes a missing <c>while</c> around a wait visible. Its cells are a <see cref="Ring"/>.
/// </summary>
internal sealed class BoundedQueueModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.BoundedQueue;

    public override string DeclarationWord => "queue";

    public override string KindWord => "queue";

    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a queue starts empty; write `queue {d.Name} capacity N`");
        var capacity = d.Required("capacity", $"queue {d.Name} needs a capacity: `queue {d.Name} capacity 2`");
        d.OnlyOptions("a queue", ["capacity"]);
        return d.Object(Kind, d.WholeNumber(capacity, $"a queue's capacity must be a whole number from 1 to {Compiler.MaxCapacity}"), 0, ValueKind.Int);
    }

    public override IReadOnlyList<string> Functions => QueueFuncs.Names;

    internal override CExpr Function(string name, ObjectInfo o) => new QueueFuncExpr(QueueFuncs.Of(name), o.Id, o.Capacity);

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Put, "put"),
        new(OpCode.Take, "take"),
        new(OpCode.TryPut, "tryput"),
        new(OpCode.TryTake, "trytake"),
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.Put, EventClass.Deliver, "put"),
        new(EventKind.Took, EventClass.Deliver, "took"),
        new(EventKind.TryFailed, EventClass.Other, "try-failed"),
    ];

    public override int CellCount(ObjectInfo o) => Ring.CellsFor(o.Capacity);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        if (instr.Op is OpCode.Put or OpCode.TryPut)
        {
            Put(k, t, pc, instr, tryOnly: instr.Op == OpCode.TryPut);
        }
        else
        {
            Take(k, t, pc, instr, tryOnly: instr.Op == OpCode.TryTake);
        }
    }

    private static void Put(IKernelServices k, int t, int pc, Instr instr, bool tryOnly)
    {
        var q = instr.A;
        var ring = new Ring(k.Cells(q));
        var value = k.Eval(t, instr.E1!);
        if (tryOnly)
        {
            k.Local(t, instr.B) = ring.IsFull ? 0 : 1;
        }

        if (ring.IsFull)
        {
            if (!tryOnly)
            {
                throw new ThreadFaultException($"put on full queue {k.ObjectName(q)} ({ring.Capacity} of {ring.Capacity} slots used)");
            }

            k.Emit(EventKind.TryFailed, t, pc, q, value: value);
            k.MoveTo(t, instr.Next);
            return;
        }

        ring.Append(value);
        k.Emit(EventKind.Put, t, pc, q, value: value);
        k.MoveTo(t, instr.Next);
    }

    private static void Take(IKernelServices k, int t, int pc, Instr instr, bool tryOnly)
    {
        var q = instr.A;
        var ring = new Ring(k.Cells(q));
        if (tryOnly)
        {
            k.Local(t, instr.C) = ring.IsEmpty ? 0 : 1;
        }

        if (ring.IsEmpty)
        {
            if (!tryOnly)
            {
                throw new ThreadFaultException($"take from empty queue {k.ObjectName(q)}");
            }

            k.Emit(EventKind.TryFailed, t, pc, q);
            k.MoveTo(t, instr.Next);
            return;
        }

        var value = ring.RemoveFirst();
        k.Local(t, instr.B) = value;
        k.Emit(EventKind.Took, t, pc, q, value: value);
        k.MoveTo(t, instr.Next);
    }

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var ring = new Ring(k.Cells(o.Id));
        Require(ring.IsWellFormed(), $"queue {o.Name} has head {ring.Head}, tail {ring.Tail}, capacity {ring.Capacity}, or a stale value in a free slot");
        for (var i = 0; i < ring.Count; i++)
        {
            Require(k.IsValue(o.ValueKind, ring[i]), $"queue {o.Name} holds {ring[i]}, which is no {o.ValueKind} value");
        }
    }

    internal override bool WritesOwnCellsOnly => true;

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        var ring = new Ring(k.Cells(o.Id));
        w.Label("items");
        w.BeginList(ring.Count);
        for (var i = 0; i < ring.Count; i++)
        {
            w.Value(o.ValueKind, ring[i]);
        }

        w.EndList();
    }

    public override string Describe(in EventWords w) => w.Event.Kind switch
    {
        EventKind.Put => $"{w.Who} puts {w.Value(w.Object!.ValueKind)} into {w.Name}",
        EventKind.Took => $"{w.Who} takes {w.Value(w.Object!.ValueKind)} from {w.Name}",
        EventKind.TryFailed => w.Instr?.Op == OpCode.TryPut
            ? $"{w.Who} tries to put into {w.Name}: full (false)"
            : $"{w.Who} tries to take from {w.Name}: empty (false)",
        _ => NotMine(w),
    };
}
