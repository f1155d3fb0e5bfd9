using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.ProcessedIds;

/// <summary>
/// The idempotent consumer's half of "effectively once": a table of processed message ids kept
/// with the output, in a database that belongs to no process (a crash loses none of it).
/// <c>handleonce done, job</c> checks the table for the message, handles it and records its id in
/// one step, as one transaction of that database would: a redelivered or re-read message finds
/// its id and is skipped. The message's value is its id. The table keeps at most <c>capacity</c>
/// ids; recording one more is a fault, never a silent forgetting (a forgotten id would let its
/// message be handled twice).
/// </summary>
internal sealed class ProcessedIdsModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.ProcessedIds;

    public override string DeclarationWord => "table";

    public override string KindWord => "table of processed ids";

    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a table of processed ids starts empty; write `table {d.Name} capacity 8`");
        var capacity = d.Required("capacity", $"table {d.Name} needs a capacity, the ids it can keep: `table {d.Name} capacity 8`");
        d.OnlyOptions("a table", ["capacity"]);
        return d.Object(Kind, d.WholeNumber(capacity, $"a table's capacity must be a whole number from 1 to {Compiler.MaxCapacity}"), 0, ValueKind.Int);
    }

    public override IReadOnlyList<string> Functions => ["recorded"];

    internal override CExpr Function(string name, ObjectInfo o) => new ProcessedIdsFuncExpr(o.Id);

    public override IReadOnlyList<OpSpec> Operations { get; } = [new(OpCode.HandleOnce, "handleonce")];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.HandledOnce, EventClass.Other, "handled-once") { ChangesObject = true },
        new(EventKind.DuplicateSkipped, EventClass.Other, "duplicate-skipped"),
    ];

    public override int CellCount(ObjectInfo o) => ProcessedIdsCells.CellsFor(o.Capacity);

    internal static ProcessedIdsCells CellsOf(IKernelServices k, ObjectInfo table) => new(k.Cells(table.Id), table.Capacity);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        var table = k.Program.Objects[instr.A];
        var cells = CellsOf(k, table);
        var message = k.Eval(t, instr.E1!);

        // The check, the work and the record are this one step: no crash and no other thread can
        // come between finding the id absent and recording it.
        if (cells.Contains(message))
        {
            k.Emit(EventKind.DuplicateSkipped, t, pc, table.Id, value: message);
        }
        else if (cells.Count == cells.Capacity)
        {
            throw new ThreadFaultException($"table {table.Name} is full ({cells.Capacity} ids recorded): {k.Format(table.ValueKind, message)} cannot be handled once without forgetting an id");
        }
        else
        {
            cells.Record(message);
            k.Emit(EventKind.HandledOnce, t, pc, table.Id, value: message);
        }

        k.MoveTo(t, instr.Next);
    }

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var cells = CellsOf(k, o);
        Require(cells.IsWellFormed(), $"table {o.Name} records {cells.Count} ids in {cells.Capacity} slots, one twice, or a stale id in a free slot");
        for (var i = 0; i < cells.Count; i++)
        {
            Require(k.IsValue(o.ValueKind, cells[i]), $"table {o.Name} holds {cells[i]}, which is no {o.ValueKind} value");
        }
    }

    /// <summary>"ids ["job 1" "job 2"]", in the order they were recorded.</summary>
    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        var cells = CellsOf(k, o);
        w.Label("ids");
        w.BeginList(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            w.Value(o.ValueKind, cells[i]);
        }

        w.EndList();
    }

    public override string Describe(in EventWords w) => w.Event.Kind switch
    {
        EventKind.HandledOnce => $"{w.Who} handles {w.Value(w.Object!.ValueKind)} and records its id in {w.Name}, in one transaction",
        EventKind.DuplicateSkipped => $"{w.Who} skips {w.Value(w.Object!.ValueKind)}: its id is already in {w.Name}, so it was handled before",
        _ => NotMine(w),
    };
}
