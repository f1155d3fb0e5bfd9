using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// Producers of a topic and the retried send. A plain producer whose acknowledgement was lost
/// sends the record again and the partition gets it twice. An idempotent producer
/// (<c>producers idempotent</c>, Kafka's enable.idempotence) numbers its records per partition from
/// 0, the producer id being the thread; the leader keeps the last sequence number it appended for
/// each producer and partition, and a record with that number or a lower one is acknowledged again
/// without being appended.
/// </summary>
internal static class Producers
{
    /// <summary>The topic's producer cells, or an empty view when it has none (no idempotence, no retry).</summary>
    private static bool TryCells(IKernelServices k, ObjectInfo topic, out ProducerCells producers)
    {
        var all = k.Cells(topic.Id);
        var own = TopicCells.CellsFor(TopicModule.PartitionsOf(topic), topic.Capacity);
        var replicas = TopicSettings.IsReplicated(topic) ? ReplicaCells.CellsFor(TopicModule.PartitionsOf(topic), TopicSettings.ReplicasOf(topic), k.Program.Threads.Count) : 0;
        producers = new ProducerCells(all[own..^replicas], k.Program.Threads.Count, TopicModule.PartitionsOf(topic), topic.Capacity);
        return all.Length > own + replicas;
    }

    /// <summary>The producer and sequence number of the record at <paramref name="offset"/> (retained), or (-1, -1) when it has no stamp.</summary>
    public static (int Producer, long Sequence) StampOf(IKernelServices k, ObjectInfo topic, int p, long offset) =>
        TryCells(k, topic, out var producers) && producers.Producer(p, offset) is var producer and >= 0
            ? (producer, producers.Sequence(p, offset))
            : (-1, -1);

    /// <summary>A record was appended at <paramref name="offset"/>: remember it as the thread's last send, and stamp it when the producers are idempotent. Returns its sequence number, or -1.</summary>
    public static long Stamp(IKernelServices k, int t, ObjectInfo topic, int p, long offset, bool hasKey, long key, long value)
    {
        if (!TryCells(k, topic, out var producers))
        {
            return -1;
        }

        var sequence = -1L;
        if (TopicSettings.IdempotentProducers(topic))
        {
            sequence = producers.NextSequence(t, p)++;
            producers.SetStamp(p, offset, t, sequence);
        }

        producers.SetLast(t, p, offset, sequence, hasKey, key, value);
        return sequence;
    }

    /// <summary>The record at <paramref name="offset"/> is deleted: its stamp goes with it (the producer's sequence state stays).</summary>
    public static void Unstamp(IKernelServices k, ObjectInfo topic, int p, long offset)
    {
        if (TryCells(k, topic, out var producers))
        {
            producers.ClearStamp(p, offset);
        }
    }

    /// <summary><c>retry TOPIC</c>: the thread's last record sent to the topic is sent again, as a client does when its acknowledgement did not come.</summary>
    public static void Retry(IKernelServices k, int t, int pc, ObjectInfo topic)
    {
        TryCells(k, topic, out var producers);
        var p = producers.LastPartition(t);
        if (p < 0)
        {
            throw new ThreadFaultException($"retry on {topic.Name}: {k.ThreadName(t)} has produced nothing to it, so there is no send to retry");
        }

        var (hasKey, key, value) = (producers.LastHasKey(t), producers.LastKey(t), producers.LastValue(t));
        if (!TopicSettings.IdempotentProducers(topic))
        {
            TopicModule.Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordRetried);
            return;
        }

        // A produce appends in its own step, so the record retried is always in the log already:
        // what this models is a lost acknowledgement, never a lost send. Its sequence number is at
        // most the last one appended for this producer and partition, so it is a duplicate.
        var sequence = producers.LastSequence(t);
        k.Emit(LogFields.Record(EventKind.RetryDeduplicated, t, pc, topic.Id, (int)sequence, value, p, producers.LastOffset(t), hasKey ? key + 1 : 0));
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
            ObjectModule.Require(last < 0 ? last == -1 && clear : sent, $"{k.ThreadName(t)}'s last send to topic {o.Name} (partition {last}, sequence {producers.LastSequence(t)}) is not one its produces could leave");
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
    }
}
