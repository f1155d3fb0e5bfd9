using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// Producers of a topic and the retried send. A plain producer whose acknowledgement was lost
/// sends the record again and the partition gets it twice. An idempotent producer
/// (<c>producers idempotent</c>, Kafka's enable.idempotence) numbers its records per partition from
/// 0, the producer id being the thread; the leader keeps the last sequence number its log holds
/// for each producer and partition (<see cref="ProducerSequences"/>), and a retry whose number it
/// already holds is acknowledged again without being appended.
/// </summary>
internal static class Producers
{
    /// <summary>True when the topic keeps producer cells: its producers are idempotent, or a replicated topic's producers retry, or some thread retries a send to it.</summary>
    public static bool HasCells(CompiledProgram program, ObjectInfo topic) =>
        TopicSettings.IdempotentProducers(topic)
        || (TopicSettings.RetryingProducers(topic) && TopicSettings.IsReplicated(topic))
        || program.Threads.Any(t => t.Code.Any(i => i.Op == OpCode.ProduceRetry && i.A == topic.Id));

    public static int CellsFor(CompiledProgram program, ObjectInfo topic) =>
        ProducerCells.CellsFor(program.Threads.Count, TopicModule.PartitionsOf(topic), topic.Capacity, TopicSettings.ReplicasOf(topic), TopicSettings.IdempotentProducers(topic));

    /// <summary>The topic's producer cells, or an empty view when it has none (no idempotence, no retry).</summary>
    public static bool TryCells(IKernelServices k, ObjectInfo topic, out ProducerCells producers)
    {
        var all = k.Cells(topic.Id);
        var own = TopicCells.CellsFor(TopicModule.PartitionsOf(topic), topic.Capacity);
        var replicas = TopicSettings.IsReplicated(topic) ? ReplicaCells.CellsFor(TopicModule.PartitionsOf(topic), TopicSettings.ReplicasOf(topic), k.Program.Threads.Count) : 0;
        producers = new ProducerCells(all[own..^replicas], k.Program.Threads.Count, TopicModule.PartitionsOf(topic), topic.Capacity, TopicSettings.ReplicasOf(topic));
        return all.Length > own + replicas;
    }

    /// <summary>The producer and sequence number of the record at <paramref name="offset"/> (retained), or (-1, -1) when it has no stamp.</summary>
    public static (int Producer, long Sequence) StampOf(IKernelServices k, ObjectInfo topic, int p, long offset) =>
        TryCells(k, topic, out var producers) && producers.Producer(p, offset) is var producer and >= 0
            ? (producer, producers.Sequence(p, offset))
            : (-1, -1);

    /// <summary>
    /// A record was appended at <paramref name="offset"/>: remember it as the thread's last send, and
    /// stamp it when the producers are idempotent, with the next sequence number, or, for a retry
    /// (<paramref name="kind"/> <see cref="EventKind.RecordRetried"/>), the number of the send it
    /// repeats; the leader's sequences then hold it. Returns its sequence number, or -1.
    /// </summary>
    public static long Stamp(IKernelServices k, int t, ObjectInfo topic, int p, long offset, bool hasKey, long key, long value, EventKind kind, ProduceAcks acks)
    {
        if (!TryCells(k, topic, out var producers))
        {
            return -1;
        }

        var sequence = -1L;
        if (TopicSettings.IdempotentProducers(topic))
        {
            sequence = kind == EventKind.RecordRetried ? producers.LastSequence(t) : producers.NextSequence(t, p)++;
            producers.SetStamp(p, offset, t, sequence);
            producers.SetAppended(ProducerSequences.LeaderOf(k, topic, p), p, t, sequence, offset);
        }

        producers.SetLast(t, p, offset, sequence, hasKey, key, value, acks);
        return sequence;
    }

    /// <summary>The record at <paramref name="offset"/> is truncated: its stamp goes with it (the replicas' sequences are rolled back by <see cref="ProducerSequences"/>).</summary>
    public static void Unstamp(IKernelServices k, ObjectInfo topic, int p, long offset)
    {
        if (TryCells(k, topic, out var producers))
        {
            producers.ClearStamp(p, offset);
        }
    }

    /// <summary>Retention or expiry deletes the record at the log start <paramref name="offset"/>: its stamp goes, and the log start's sequences keep it.</summary>
    public static void Retire(IKernelServices k, ObjectInfo topic, int p, long offset)
    {
        if (!TryCells(k, topic, out var producers))
        {
            return;
        }

        if (producers.Producer(p, offset) is var producer and >= 0)
        {
            producers.SetAppended(producers.LogStart, p, producer, producers.Sequence(p, offset), offset);
        }

        producers.ClearStamp(p, offset);
    }

    /// <summary>The thread's last send to the topic, what a retry sends again; a fault when it has sent none.</summary>
    public static (int Partition, bool HasKey, long Key, long Value, long Sequence, ProduceAcks Acks) LastSend(IKernelServices k, int t, ObjectInfo topic)
    {
        TryCells(k, topic, out var producers);
        var p = producers.LastPartition(t);
        if (p < 0)
        {
            throw new ThreadFaultException($"retry on {topic.Name}: {k.ThreadName(t)} has produced nothing to it, so there is no send to retry");
        }

        return (p, producers.LastHasKey(t), producers.LastKey(t), producers.LastValue(t), producers.LastSequence(t), producers.LastAcks(t));
    }

    /// <summary>Where the reply to the thread's produce stands (<see cref="AckLoss.None"/> for a topic without producer cells).</summary>
    public static AckLoss LossOf(IKernelServices k, ObjectInfo topic, int t) =>
        TryCells(k, topic, out var producers) ? producers.Loss(t) : AckLoss.None;

    public static void SetLoss(IKernelServices k, ObjectInfo topic, int t, AckLoss loss)
    {
        TryCells(k, topic, out var producers);
        producers.SetLoss(t, loss);
    }

    /// <summary>A thread that ends no longer waits for a reply to lose, nor sends again.</summary>
    public static void OnThreadEnd(IKernelServices k, ObjectInfo topic, int t)
    {
        if (TryCells(k, topic, out var producers))
        {
            producers.SetLoss(t, AckLoss.None);
        }
    }

    /// <summary><c>retry TOPIC</c> on a topic without replicas: the thread's last record sent to the topic is sent again, as a client does when its acknowledgement did not come.</summary>
    public static void Retry(IKernelServices k, int t, int pc, ObjectInfo topic)
    {
        var (p, hasKey, key, value, sequence, acks) = LastSend(k, t, topic);
        if (TopicSettings.IdempotentProducers(topic) && ProducerSequences.LeaderHas(k, topic, p, t, sequence, out var offset))
        {
            // A produce appends in its own step, so the record retried is always in the log already:
            // what this models is a lost acknowledgement, never a lost send.
            k.Emit(LogFields.Record(EventKind.RetryDeduplicated, t, pc, topic.Id, (int)sequence, value, p, offset, hasKey ? key + 1 : 0));
            return;
        }

        TopicModule.Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordRetried, acks);
    }

    public static void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        if (!TryCells(k, o, out var producers))
        {
            return;
        }

        var cells = TopicModule.CellsOf(k, o);
        var idempotent = TopicSettings.IdempotentProducers(o);
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var last = producers.LastPartition(t);
            var clear = producers.LastOffset(t) == 0 && producers.LastSequence(t) == 0 && !producers.LastHasKey(t) && producers.LastKey(t) == 0 && producers.LastValue(t) == 0;
            var sent = last < cells.Partitions && k.IsValue(o.ValueKind, producers.LastValue(t))
                && (producers.LastHasKey(t) ? k.IsValue(ValueKind.Str, producers.LastKey(t)) : producers.LastKey(t) == 0)
                && (idempotent ? producers.LastSequence(t) >= 0 && producers.LastSequence(t) < producers.NextSequence(t, last) : producers.LastSequence(t) == -1);
            ObjectModule.Require(last < 0 ? last == -1 && clear && producers.LastAcks(t) == ProduceAcks.All : sent && Enum.IsDefined(producers.LastAcks(t)), $"{k.ThreadName(t)}'s last send to topic {o.Name} (partition {last}, sequence {producers.LastSequence(t)}) is not one its produces could leave");
            AssertLoss(k, o, t, producers.Loss(t));
        }

        for (var p = 0; p < cells.Partitions; p++)
        {
            for (var free = cells.End(p); free < cells.Start(p) + cells.Retain; free++)
            {
                ObjectModule.Require(producers.Producer(p, free) == -1 && producers.Sequence(p, free) == 0, $"the free slot for offset {free} of partition {p} of topic {o.Name} keeps a producer stamp");
            }

            for (var offset = cells.Start(p); offset < cells.End(p); offset++)
            {
                var producer = producers.Producer(p, offset);
                var sequence = producers.Sequence(p, offset);
                ObjectModule.Require(
                    idempotent ? producer >= 0 && sequence >= 0 && sequence < producers.NextSequence(producer, p) : producer < 0 && sequence == 0,
                    $"the record at offset {offset} of partition {p} of topic {o.Name} has the producer stamp ({producer}, {sequence}), which its producers' sequence numbers do not account for");
                for (var earlier = cells.Start(p); earlier < offset; earlier++)
                {
                    ObjectModule.Require(!idempotent || producers.Producer(p, earlier) != producer || producers.Sequence(p, earlier) != sequence, $"partition {p} of topic {o.Name} holds sequence {sequence} of producer {producer} twice, at offsets {earlier} and {offset}");
                }
            }
        }

        ProducerSequences.Assert(k, o);
    }

    /// <summary>A reply is lost only on a replicated topic whose producers retry: one still to come is awaited by an acks(all) produce, and a thread whose reply was lost stands at its produce, ready to send again.</summary>
    private static void AssertLoss(IKernelServices k, ObjectInfo o, int t, AckLoss loss)
    {
        var instr = k.HasEnded(t) ? null : k.Program.Threads[t].Code[k.PcOf(t)];
        var waits = Replication.TryCells(k, o, out var replicas) && replicas.WaitingPartition(t) >= 0;
        var atProduce = instr is { Op: OpCode.Produce } && instr.A == o.Id && TopicSettings.RetryingProducers(o) && TopicSettings.IsReplicated(o);
        ObjectModule.Require(
            loss switch
            {
                AckLoss.None => true,
                AckLoss.WillBeLost => atProduce && waits,
                AckLoss.Lost => atProduce && !waits && k.StatusOf(t) != ThreadStatus.Blocked,
                _ => false,
            },
            $"{k.ThreadName(t)}'s reply from topic {o.Name} stands at {loss}, which its produce does not account for");
    }

    /// <summary>"producers [boss last 0 1 seq 1 "job 2" next [2 0]] stamps [[boss 0 boss 1]]", only for a topic with producer cells.</summary>
    public static void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        if (!TryCells(k, o, out var producers))
        {
            return;
        }

        var cells = TopicModule.CellsOf(k, o);
        var threads = k.Program.Threads.Count;
        w.Label("producers");
        w.BeginList(threads);
        for (var t = 0; t < threads; t++)
        {
            if (producers.LastPartition(t) < 0)
            {
                w.Label("sent-nothing");
            }
            else
            {
                w.Label("last");
                w.Int(producers.LastPartition(t));
                w.Int(producers.LastOffset(t));
                w.Int(producers.LastSequence(t));
                w.Int(producers.LastHasKey(t) ? producers.LastKey(t) : -1);
                w.Value(o.ValueKind, producers.LastValue(t));
            }

            if (TopicSettings.IsReplicated(o))
            {
                w.Label("acks");
                w.Int((long)producers.LastAcks(t));
                w.Label("reply");
                w.Int((long)producers.Loss(t));
            }

            w.Label("next");
            w.BeginList(cells.Partitions);
            for (var p = 0; p < cells.Partitions; p++)
            {
                w.Int(producers.NextSequence(t, p));
            }

            w.EndList();
        }

        w.EndList();
        w.Label("stamps");
        w.BeginList(cells.Partitions);
        for (var p = 0; p < cells.Partitions; p++)
        {
            w.BeginList(cells.Retained(p));
            for (var offset = cells.Start(p); offset < cells.End(p); offset++)
            {
                w.Int(producers.Producer(p, offset));
                w.Int(producers.Sequence(p, offset));
            }

            w.EndList();
        }

        w.EndList();
        ProducerSequences.Write(k, o, w);
    }
}
