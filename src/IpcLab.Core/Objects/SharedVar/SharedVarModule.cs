using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.SharedVar;

/// <summary>
/// A shared int, bool or string variable: one cell. A line that reads and writes it
/// (<c>count = count + 1</c>) compiles to a load step and a store step, so another thread can
/// run between them: that gap is the lost update.
/// </summary>
internal sealed class SharedVarModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.SharedVar;

    public override string DeclarationWord => "shared";

    public override string KindWord => "shared variable";

    internal override ObjectInfo Declare(Declaration d)
    {
        d.OnlyOptions("a shared variable", []);
        var (kind, value) = d.Initial switch
        {
            null => (ValueKind.Int, 0L),
            IntLit n => (ValueKind.Int, n.Value),
            UnaryExpr { Op: "-", Operand: IntLit n } => (ValueKind.Int, -n.Value),
            BoolLit b => (ValueKind.Bool, b.Value ? 1L : 0L),
            StrLit s => (ValueKind.Str, (long)d.Literals.Intern(s.Value)),
            _ => throw d.Error(d.Initial.Pos, "a shared variable starts with a plain number, true/false or a string"),
        };
        return d.Object(Kind, 0, value, kind);
    }

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Load),
        new(OpCode.Store),
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.Loaded, EventClass.Other, "loaded"),
        new(EventKind.Stored, EventClass.Other, "stored") { ChangesObject = true },
    ];

    public override int CellCount(ObjectInfo o) => 1;

    public override void Initialize(ObjectInfo o, Span<long> cells) => cells[0] = o.Initial;

    internal static long ValueOf(IKernelServices k, int variable) => k.Cells(variable)[0];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        var cell = k.Cells(instr.A);
        if (instr.Op == OpCode.Load)
        {
            var value = cell[0];
            k.Local(t, instr.B) = value;
            k.Emit(EventKind.Loaded, t, pc, instr.A, instr.B, value);
        }
        else
        {
            var value = k.Eval(t, instr.E1!);
            cell[0] = value;
            k.Emit(EventKind.Stored, t, pc, instr.A, value: value);
        }

        k.MoveTo(t, instr.Next);
    }

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o) =>
        Require(k.IsValue(o.ValueKind, ValueOf(k, o.Id)), $"shared variable {o.Name} holds {ValueOf(k, o.Id)}, which is no {o.ValueKind} value");

    internal override bool WritesOwnCellsOnly => true;

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => w.Value(o.ValueKind, ValueOf(k, o.Id));

    public override string Describe(in EventWords w) => w.Event.Kind switch
    {
        EventKind.Loaded => $"{w.Who} reads {w.Name} = {w.Value(w.Object!.ValueKind)} (into a register; the write comes in a later step)",
        EventKind.Stored => $"{w.Who} writes {w.Name} = {w.Value(w.Object!.ValueKind)}",
        _ => NotMine(w),
    };
}
