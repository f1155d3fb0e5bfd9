using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A retained log, Kafka-style: a topic of one or more partitions, each an append-only sequence of
/// (key, value) records with dense offsets from 0. Reading deletes nothing: consumer groups (see
/// <see cref="ConsumerGroupModule"/>) read at positions of their own. A partition keeps at most
/// <c>retain</c> records; appending to a full one first deletes its oldest (retention by count), and
/// its log start moves on. A produce never blocks: it hands the record to every member blocked in
/// a poll whose position is the new offset, in the same step, so no wake-up is lost.
/// </summary>
internal sealed class TopicModule : ObjectModule
{
    /// <summary>At most this many partitions, so a topic's rows fit the objects panel.</summary>
    public const int MaxPartitions = 16;

    public override ObjectKind Kind => ObjectKind.Topic;

    public override string DeclarationWord => "topic";

    public override string KindWord => "topic";

    /// <summary><c>topic orders partitions 2 retain 8</c> (one partition when not said).</summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a topic starts empty; write `topic {d.Name} partitions 2 retain 8`");
        d.OnlyOptions("a topic", ["partitions", "retain"], " or ");
        var retain = d.WholeNumber(
            d.Required("retain", $"topic {d.Name} needs a retention, the records each partition keeps: `topic {d.Name} partitions 2 retain 8`"),
            $"a topic's retention must be a whole number from 1 to {Compiler.MaxCapacity}");
        var partitions = d.Number("partitions", 1, MaxPartitions, $"a topic has from 1 to {MaxPartitions} partitions");
        return d.Object(Kind, retain, partitions, ValueKind.Int);
    }

    public override IReadOnlyList<string> Functions => ["produced", "retained"];

    internal override CExpr Function(string name, ObjectInfo o) => new TopicFuncExpr(name == "retained", o.Id, PartitionsOf(o), o.Capacity);

    public override IReadOnlyList<OpSpec> Operations { get; } = [new(OpCode.Produce, "produce")];

    public override IReadOnlyList<EventSpec> Events => TopicSentences.Specs;

    public override int CellCount(ObjectInfo o) => TopicCells.CellsFor(PartitionsOf(o), o.Capacity);

    public static int PartitionsOf(ObjectInfo topic) => (int)topic.Initial;

    internal static TopicCells CellsOf(IKernelServices k, ObjectInfo topic) => new(k.Cells(topic.Id), PartitionsOf(topic), topic.Capacity);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        var topic = k.Program.Objects[instr.A];
        var cells = CellsOf(k, topic);
        var value = k.Eval(t, instr.E1!);
        var hasKey = instr.E2 is not null;
        var key = hasKey ? k.Eval(t, instr.E2!) : 0;
        int p;
        if (hasKey)
        {
            p = KeyHash.Partition(k.Strings[key], cells.Partitions);
        }
        else
        {
            p = (int)cells.NextPartition;
            cells.NextPartition = (p + 1) % cells.Partitions;
        }

        if (cells.Retained(p) == cells.Retain)
        {
            var start = cells.Start(p);
            var old = cells.RetireOldest(p);
            k.Emit(LogFields.Record(EventKind.RecordRetired, t, pc, topic.Id, -1, old, p, start, 0));
        }

        var offset = cells.Append(p, hasKey, key, value);
        k.Emit(LogFields.Record(EventKind.RecordAppended, t, pc, topic.Id, -1, value, p, offset, hasKey ? key + 1 : 0));
        if (instr.B >= 0)
        {
            k.Local(t, instr.B) = offset;
        }

        if (instr.C >= 0)
        {
            k.Local(t, instr.C) = p;
        }

        ConsumerPolls.Appended(k, t, pc, topic, p);
        k.MoveTo(t, instr.Next);
    }

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var cells = CellsOf(k, o);
        Require(cells.NextPartition >= 0 && cells.NextPartition < cells.Partitions, $"topic {o.Name}'s next partition {cells.NextPartition} is not one of its {cells.Partitions}");
        for (var p = 0; p < cells.Partitions; p++)
        {
            Require(cells.IsWellFormed(p), $"partition {p} of topic {o.Name} (start {cells.Start(p)}, end {cells.End(p)}, retain {cells.Retain}) keeps offsets that are not dense or a stale record in a free slot");
            for (var offset = cells.Start(p); offset < cells.End(p); offset++)
            {
                Require(k.IsValue(o.ValueKind, cells.Value(p, offset)), $"partition {p} of topic {o.Name} holds {cells.Value(p, offset)} at offset {offset}, which is not a value of the run");
                Require(!cells.HasKey(p, offset) || (k.IsValue(ValueKind.Str, cells.Key(p, offset)) && KeyHash.Partition(k.Strings[cells.Key(p, offset)], cells.Partitions) == p), $"the record at offset {offset} of partition {p} of topic {o.Name} has a key that is not a string or not of this partition");
            }
        }
    }

    /// <summary>"next-partition 1 partitions [start 0 end 2 records [0 "o1" key "alice" 1 "o2" no-key] ...]".</summary>
    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        var cells = CellsOf(k, o);
        w.Label("next-partition");
        w.Int(cells.NextPartition);
        w.Label("partitions");
        w.BeginList(cells.Partitions);
        for (var p = 0; p < cells.Partitions; p++)
        {
            w.Label("start");
            w.Int(cells.Start(p));
            w.Label("end");
            w.Int(cells.End(p));
            w.Label("records");
            w.BeginList(cells.Retained(p));
            for (var offset = cells.Start(p); offset < cells.End(p); offset++)
            {
                w.Int(offset);
                w.Value(o.ValueKind, cells.Value(p, offset));
                if (cells.HasKey(p, offset))
                {
                    w.Label("key");
                    w.Str(cells.Key(p, offset));
                }
                else
                {
                    w.Label("no-key");
                }
            }

            w.EndList();
        }

        w.EndList();
    }

    public override string Describe(in EventWords w) => TopicSentences.Describe(w) ?? NotMine(w);

    public override void WriteFields(in EventWords w, EventFieldWriter fields) => LogFields.Write(w, fields, hasKey: true);
}
