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

    /// <summary>At most this many steps for <c>expire</c>.</summary>
    public const int MaxExpire = 1_000_000;

    /// <summary>At most this many replicas per partition (each a broker process).</summary>
    public const int MaxReplicas = 5;

    /// <summary><c>topic orders partitions 2 retain 8 [expire 20] [cleanup compact] [producers retrying|idempotent] [replicas 3 minisr 2 [replicalag 4]]</c> (one partition when not said; records never expire when not said; no compaction when not said; plain producers when not said; one replica when not said).</summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a topic starts empty; write `topic {d.Name} partitions 2 retain 8`");
        d.OnlyOptions("a topic", ["partitions", "retain", "expire", "cleanup", "producers", "replicas", "minisr", "replicalag"], ", ");
        var retain = d.WholeNumber(
            d.Required("retain", $"topic {d.Name} needs a retention, the records each partition keeps: `topic {d.Name} partitions 2 retain 8`"),
            $"a topic's retention must be a whole number from 1 to {Compiler.MaxCapacity}");
        var partitions = d.Number("partitions", 1, MaxPartitions, $"a topic has from 1 to {MaxPartitions} partitions");
        var expire = d.Number("expire", 0, MaxExpire, $"a topic's expiry is a whole number of steps from 1 to {MaxExpire}");
        var compact = d.Option("cleanup") is { } cleanup && (Declaration.Word(cleanup.Value) switch
        {
            "compact" => true,
            "delete" => false,
            _ => throw d.Error(cleanup.Value.Pos, $"unknown cleanup '{ExprPrinter.Print(cleanup.Value)}'; expected delete (the default: old records go by retention only) or compact (a keyed record also removes the older ones of its key)"),
        });
        var producers = d.Option("producers") is { } option ? Declaration.Word(option.Value) switch
        {
            "plain" => ProducerKind.Plain,
            "retrying" => ProducerKind.Retrying,
            "idempotent" => ProducerKind.Idempotent,
            _ => throw d.Error(option.Value.Pos, $"unknown producers '{ExprPrinter.Print(option.Value)}'; expected plain (the default: a lost acknowledgement is not retried; a `retry` statement appends again), retrying (a send whose acknowledgement was lost is sent again and appended again) or idempotent (sent again, but a sequence number per producer and partition keeps it from being appended twice)"),
        } : ProducerKind.Plain;
        var idempotent = producers == ProducerKind.Idempotent;
        var (replicas, minInSync) = ReplicaTopology.Declare(d, compact);
        var replicaLag = ReplicaTopology.DeclareLag(d, replicas);
        return d.Object(Kind, retain, TopicSettings.Pack(partitions, expire, compact, idempotent, replicas, minInSync, producers == ProducerKind.Retrying, replicaLag), ValueKind.Int);
    }

    public override IReadOnlyList<string> Functions => ["produced", "retained"];

    internal override CExpr Function(string name, ObjectInfo o) => new TopicFuncExpr(name == "retained", o.Id, PartitionsOf(o), o.Capacity);

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Produce, "produce"),
        new(OpCode.ProduceRetry, "retry") { Shape = new("retry TOPIC  (send the last record produced to TOPIC again: its acknowledgement was lost)", ObjectKind.Topic) },
        new(OpCode.ReplicaFetch),
        new(OpCode.ReplicaRestart),
        new(OpCode.ReplicaCrash),
    ];

    public override IReadOnlyList<EventSpec> Events { get; } = [.. TopicSentences.Specs, .. ReplicationSentences.Specs];

    public override int CellCount(ObjectInfo o) => TopicCells.CellsFor(PartitionsOf(o), o.Capacity);

    /// <summary>The topic's cells, then its producers' (<see cref="ProducerCells"/>) when it has them (<see cref="Producers.HasCells"/>), then its replicas' (<see cref="ReplicaCells"/>) when it has several.</summary>
    public override int CellCount(CompiledProgram program, ObjectInfo o) =>
        CellCount(o) + (Producers.HasCells(program, o) ? Producers.CellsFor(program, o) : 0)
        + (TopicSettings.IsReplicated(o) ? ReplicaCells.CellsFor(PartitionsOf(o), TopicSettings.ReplicasOf(o), program.Threads.Count) : 0);

    public static int PartitionsOf(ObjectInfo topic) => TopicSettings.PartitionsOf(topic);

    public static long ExpireOf(ObjectInfo topic) => TopicSettings.ExpireOf(topic);

    // Records that expire are deleted at the clock tick.
    internal override bool UsesClock => true;

    internal static TopicCells CellsOf(IKernelServices k, ObjectInfo topic) => new(k.Cells(topic.Id), PartitionsOf(topic), topic.Capacity);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        if (instr.Op == OpCode.ProduceRetry && TopicSettings.IsReplicated(k.Program.Objects[instr.A]))
        {
            if (ReplicatedProduce.Resend(k, t, pc, instr, k.Program.Objects[instr.A]))
            {
                k.MoveTo(t, instr.Next);
            }

            return;
        }

        if (instr.Op == OpCode.ProduceRetry)
        {
            Producers.Retry(k, t, pc, k.Program.Objects[instr.A]);
            k.MoveTo(t, instr.Next);
            return;
        }

        if (instr.Op == OpCode.ReplicaFetch)
        {
            Replication.Fetch(k, t, pc, instr);
            return;
        }

        if (instr.Op == OpCode.ReplicaCrash)
        {
            var replicated = k.Program.Objects[instr.A];
            if (ReplicaFailover.WhyCannotCrash(k, replicated, instr.B) is { } why)
            {
                throw new ThreadFaultException($"crashes {Replication.NameOf(replicated, instr.B)}, but {why}");
            }

            ReplicaFailover.Crash(k, t, pc, replicated, instr.B);
            k.MoveTo(t, instr.Next);
            return;
        }

        if (instr.Op == OpCode.ReplicaRestart)
        {
            ReplicaRestart.CrashAndRestart(k, t, pc, k.Program.Objects[instr.A], instr.B);
            k.MoveTo(t, instr.Next);
            return;
        }

        var topic = k.Program.Objects[instr.A];

        // Its reply was lost: the producer sends the same record again, to the same partition, rather than a new one.
        if (Producers.LossOf(k, topic, t) == AckLoss.Lost)
        {
            if (ReplicatedProduce.Resend(k, t, pc, instr, topic))
            {
                k.MoveTo(t, instr.Next);
            }

            return;
        }

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

        if (TopicSettings.IsReplicated(topic))
        {
            if (ReplicatedProduce.Produce(k, t, pc, instr, topic, p, hasKey, key, value))
            {
                k.MoveTo(t, instr.Next);
            }

            return;
        }

        var offset = Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordAppended, ProduceAcks.All);
        if (instr.B >= 0)
        {
            k.Local(t, instr.B) = offset;
        }

        if (instr.C >= 0)
        {
            k.Local(t, instr.C) = p;
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary>
    /// Appends a record at the end of partition <paramref name="p"/> (a produce, or a retry of a
    /// plain producer): retention first makes room, the producer's cells (if the topic has them)
    /// remember the record and stamp it, compaction removes the older records of its key, and a
    /// member blocked polling the partition gets it in the same step. Returns its offset.
    /// </summary>
    /// <param name="acks">What the producer waits for, which a retry of the record waits for too (it matters on a replicated topic only).</param>
    internal static long Append(IKernelServices k, int t, int pc, ObjectInfo topic, int p, bool hasKey, long key, long value, EventKind kind, ProduceAcks acks)
    {
        var cells = CellsOf(k, topic);
        if (cells.Retained(p) == cells.Retain)
        {
            Retire(k, t, pc, topic, p, EventKind.RecordRetired, 0);
        }

        var offset = cells.Append(p, hasKey, key, value, k.Clock + 1);
        var sequence = Producers.Stamp(k, t, topic, p, offset, hasKey, key, value, kind, acks);
        k.Emit(LogFields.Record(kind, t, pc, topic.Id, (int)sequence, value, p, offset, hasKey ? key + 1 : 0));
        if (hasKey && TopicSettings.Compacts(topic))
        {
            Compact(k, t, pc, topic, p, key, offset);
        }

        if (TopicSettings.IsReplicated(topic))
        {
            Replication.Appended(k, t, pc, topic, p, offset);
        }
        else
        {
            ConsumerPolls.Appended(k, t, pc, topic, p);
        }

        return offset;
    }

    /// <summary>Deletes the oldest record of partition <paramref name="p"/> (by retention or expiry) with its producer's stamp, and says so.</summary>
    private static void Retire(IKernelServices k, int t, int pc, ObjectInfo topic, int p, EventKind kind, long keyPlusOne)
    {
        var cells = CellsOf(k, topic);
        var start = cells.Start(p);
        Producers.Retire(k, topic, p, start);
        var old = cells.RetireOldest(p);
        k.Emit(LogFields.Record(kind, t, pc, topic.Id, -1, old, p, start, keyPlusOne));
    }

    /// <summary>
    /// Compaction, done as the newer record arrives (Kafka's cleaner does it later, in the
    /// background): every older record of the key in the partition is removed. Its offset stays,
    /// as in Kafka, so offsets keep their meaning; its slot is freed only when retention passes it.
    /// </summary>
    private static void Compact(IKernelServices k, int t, int pc, ObjectInfo topic, int p, long key, long newest)
    {
        var cells = CellsOf(k, topic);
        for (var offset = cells.Start(p); offset < newest; offset++)
        {
            if (cells.HasKey(p, offset) && !cells.IsCompacted(p, offset) && cells.Key(p, offset) == key)
            {
                cells.Compact(p, offset);
                k.Emit(LogFields.Record(EventKind.RecordCompacted, t, pc, topic.Id, -1, cells.Value(p, offset), p, offset, key + 1));
            }
        }
    }

    /// <summary>
    /// Retention by time: at the end of each step, a record appended at step s by a topic declared
    /// <c>expire N</c> is deleted once the clock reaches s + N, oldest first (a log only ever loses
    /// its oldest records, so the offsets retained stay dense).
    /// </summary>
    internal override void OnClockTick(IKernelServices k)
    {
        var objects = k.Program.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            var topic = objects[i];
            if (topic.Kind != ObjectKind.Topic || ExpireOf(topic) == 0)
            {
                continue;
            }

            var cells = CellsOf(k, topic);
            for (var p = 0; p < cells.Partitions; p++)
            {
                while (cells.Retained(p) > 0 && cells.AppendedAt(p, cells.Start(p)) + ExpireOf(topic) <= k.Clock)
                {
                    Retire(k, -1, -1, topic, p, EventKind.RecordExpired, cells.AppendedAt(p, cells.Start(p)) + 1);
                }
            }
        }
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
                var at = cells.AppendedAt(p, offset);
                Require(at >= 1 && at <= k.Clock && (offset == cells.Start(p) || at >= cells.AppendedAt(p, offset - 1)), $"the record at offset {offset} of partition {p} of topic {o.Name} was appended at step {at}, out of order or after the clock {k.Clock}");
                Require(k.IsValue(o.ValueKind, cells.Value(p, offset)), $"partition {p} of topic {o.Name} holds {cells.Value(p, offset)} at offset {offset}, which is not a value of the run");
                Require(!cells.HasKey(p, offset) || (k.IsValue(ValueKind.Str, cells.Key(p, offset)) && KeyHash.Partition(k.Strings[cells.Key(p, offset)], cells.Partitions) == p), $"the record at offset {offset} of partition {p} of topic {o.Name} has a key that is not a string or not of this partition");
                Require(CompactedRight(cells, TopicSettings.Compacts(o), p, offset), $"the record at offset {offset} of partition {p} of topic {o.Name} is {(cells.IsCompacted(p, offset) ? "compacted without a newer record of its key" : "a second live record of its key")}");
            }
        }

        ProducerState.AssertInvariants(k, o);
        ReplicaState.Assert(k, o);
    }

    /// <summary>In a compacting topic, a removed record has a newer live one of its key and a live one has none; elsewhere nothing is removed.</summary>
    private static bool CompactedRight(TopicCells cells, bool compacts, int p, long offset)
    {
        if (!compacts || !cells.HasKey(p, offset))
        {
            return !cells.IsCompacted(p, offset);
        }

        var newer = false;
        for (var later = offset + 1; later < cells.End(p); later++)
        {
            newer |= cells.HasKey(p, later) && !cells.IsCompacted(p, later) && cells.Key(p, later) == cells.Key(p, offset);
        }

        return newer == cells.IsCompacted(p, offset);
    }

    /// <summary>"next-partition 1 partitions [start 0 end 2 records [0 "o1" at 3 key "alice" 1 "o2" at 5 no-key] ...]".</summary>
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
                w.Label("at");
                w.Int(cells.AppendedAt(p, offset));
                if (cells.IsCompacted(p, offset))
                {
                    w.Label("compacted");
                }

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
        ProducerState.WriteState(k, o, w);
        ReplicaState.Write(k, o, w);
    }

    // A thread blocked on a topic is a replica's idle thread or an acks(all) produce: only a replicated topic has them.
    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => Replication.CanProceed(k, o, thread);

    internal override bool IsIdleDaemon(IKernelServices k, ObjectInfo o, int thread) => Replication.ReplicaOf(k, o, thread) >= 0;

    internal override bool CanBlockAt(OpCode op) => op is OpCode.Produce or OpCode.ProduceRetry or OpCode.ReplicaFetch;

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => Replication.DescribeWait(k, o, thread);

    internal override string WaitState(IKernelServices k, ObjectInfo o, int thread) =>
        Replication.ReplicaOf(k, o, thread) >= 0 ? "idle: nothing to fetch" : "blocked: " + DescribeWait(k, o, thread);

    internal override void OnThreadEnd(IKernelServices k, int thread)
    {
        ReplicaFailover.OnThreadEnd(k, thread);
        foreach (var topic in k.Program.Objects.Where(o => o.Kind == ObjectKind.Topic))
        {
            Producers.OnThreadEnd(k, topic, thread);
        }
    }

    public override string Describe(in EventWords w) => TopicSentences.Describe(w) ?? ReplicationSentences.Describe(w) ?? NotMine(w);

    public override void WriteFields(in EventWords w, EventFieldWriter fields)
    {
        LogFields.Write(w, fields, hasKey: w.Event.Kind is EventKind.RecordAppended or EventKind.RecordCompacted or EventKind.RecordRetried or EventKind.RetryDeduplicated);
        if (w.Event.Kind is EventKind.RecordAppended or EventKind.RecordRetried or EventKind.RetryDeduplicated && w.Event.Other >= 0)
        {
            fields.Number("sequence", w.Event.Other);
        }
    }
}
