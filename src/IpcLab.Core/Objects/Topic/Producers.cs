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
}
