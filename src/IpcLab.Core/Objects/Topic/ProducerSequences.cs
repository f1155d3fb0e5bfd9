using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// The brokers' side of the idempotent producer, Kafka's producer state: each replica of a
/// partition keeps, with its log, the last sequence number of each producer its log holds and that
/// record's offset. The leader's copy moves with each append; a follower's moves with each record
/// it fetches (the stamp travels with the record), so a follower elected leader knows what the old
/// leader had appended as far as its own log goes. A truncation rolls a replica's sequences back
/// with the records it drops. The leader checks a retry against its copy: a sequence number it holds
/// is a duplicate, acknowledged with the offset it already has.
/// </summary>
internal static class ProducerSequences
{
    /// <summary>The replica that leads partition <paramref name="p"/> (0 on a topic without replicas).</summary>
    public static int LeaderOf(IKernelServices k, ObjectInfo topic, int p) =>
        Replication.TryCells(k, topic, out var replicas) ? (int)replicas.Leader(p) : 0;

    /// <summary>
    /// True when the leader of partition <paramref name="p"/> already holds <paramref name="sequence"/>
    /// of producer <paramref name="t"/>, with the offset it has. A retry carries the number of the
    /// producer's last send, the highest it gave in the partition, so the leader holds it exactly
    /// when that is the last number it holds of the producer: never a higher one.
    /// </summary>
    public static bool LeaderHas(IKernelServices k, ObjectInfo topic, int p, int t, long sequence, out long offset)
    {
        Producers.TryCells(k, topic, out var producers);
        var (held, at) = producers.Appended(LeaderOf(k, topic, p), p, t);
        offset = at;
        return held == sequence;
    }

    /// <summary>Follower <paramref name="r"/> fetched the record at <paramref name="offset"/>: its stamp comes with it. When the follower started over at the log start (retention deleted what it lacked), it takes the log start's sequences first.</summary>
    public static void Fetched(IKernelServices k, ObjectInfo topic, int p, int r, long offset, bool startedOver)
    {
        if (!TopicSettings.IdempotentProducers(topic) || !Producers.TryCells(k, topic, out var producers))
        {
            return;
        }

        if (startedOver)
        {
            producers.CopyAppended(producers.LogStart, r, p);
        }

        if (producers.Producer(p, offset) is var producer and >= 0)
        {
            producers.SetAppended(r, p, producer, producers.Sequence(p, offset), offset);
        }
    }

    /// <summary>
    /// Replica <paramref name="leader"/> was elected with its log ending at <paramref name="end"/>:
    /// every live replica whose log goes further truncates to it, and so holds what the new leader
    /// holds, sequences with records. A dead replica keeps its own until it restarts. Called before
    /// the log is truncated; when retention had deleted past <paramref name="end"/>, the log starts
    /// again there, and the log start's sequences are the new leader's too.
    /// </summary>
    public static void Truncated(IKernelServices k, ObjectInfo topic, int p, int leader, long end)
    {
        if (!TopicSettings.IdempotentProducers(topic) || !Producers.TryCells(k, topic, out var producers))
        {
            return;
        }

        Replication.TryCells(k, topic, out var replicas);
        for (var r = 0; r < replicas.Replicas; r++)
        {
            if (r != leader && !replicas.IsDown(r) && replicas.LogEnd(p, r) > end)
            {
                producers.CopyAppended(leader, r, p);
            }
        }

        if (end < TopicModule.CellsOf(k, topic).Start(p))
        {
            producers.CopyAppended(leader, producers.LogStart, p);
        }
    }

    /// <summary>Replica <paramref name="r"/>, restarting, truncated its log to <paramref name="end"/>: its sequences are rolled back to what that prefix of the log holds.</summary>
    public static void RolledBack(IKernelServices k, ObjectInfo topic, int p, int r, long end)
    {
        if (!TopicSettings.IdempotentProducers(topic) || !Producers.TryCells(k, topic, out var producers))
        {
            return;
        }

        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var (sequence, offset) = HeldAt(k, topic, producers, p, t, end);
            producers.SetAppended(r, p, t, sequence, offset);
        }
    }

    /// <summary>
    /// The last sequence number of producer <paramref name="t"/>, and its offset, in the log of
    /// partition <paramref name="p"/> up to <paramref name="end"/>: the last stamp of the producer
    /// retained below it, else the log start's. A replica whose log ends below the log start is
    /// given the log start's: its next fetch starts it over there anyway.
    /// </summary>
    private static (long Sequence, long Offset) HeldAt(IKernelServices k, ObjectInfo topic, ProducerCells producers, int p, int t, long end)
    {
        var log = TopicModule.CellsOf(k, topic);
        for (var offset = Math.Min(end, log.End(p)) - 1; offset >= log.Start(p); offset--)
        {
            if (producers.Producer(p, offset) == t)
            {
                return (producers.Sequence(p, offset), offset);
            }
        }

        return producers.Appended(producers.LogStart, p, t);
    }

    /// <summary>Every live replica whose log reaches the log start holds the sequences of its log.</summary>
    public static void Assert(IKernelServices k, ObjectInfo o)
    {
        if (!TopicSettings.IdempotentProducers(o) || !Producers.TryCells(k, o, out var producers))
        {
            return;
        }

        var log = TopicModule.CellsOf(k, o);
        var replicated = Replication.TryCells(k, o, out var replicas);
        var count = TopicSettings.ReplicasOf(o);
        for (var p = 0; p < log.Partitions; p++)
        {
            for (var r = 0; r <= count; r++)
            {
                var live = r < count && (!replicated || !replicas.IsDown(r));
                var end = r == count || !replicated ? log.End(p) : replicas.LogEnd(p, r);
                for (var t = 0; t < k.Program.Threads.Count; t++)
                {
                    var held = producers.Appended(r, p, t);
                    var expected = live && end >= log.Start(p) ? HeldAt(k, o, producers, p, t, end) : held;
                    ObjectModule.Require(held == expected && held.Sequence < producers.NextSequence(t, p) && (held.Sequence >= 0 || held.Offset == 0),
                        $"{(r == count ? "the log start" : Replication.NameOf(o, r))} of partition {p} of topic {o.Name} holds sequence {held.Sequence} at offset {held.Offset} of producer {k.ThreadName(t)}, where its log holds {expected.Item1} at {expected.Item2}");
                }
            }
        }
    }

    /// <summary>"sequences [[0 4 -1 0] ...]": per replica (then the log start) and partition, each producer's last sequence number held and its offset; only for idempotent producers.</summary>
    public static void Write(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        if (!TopicSettings.IdempotentProducers(o))
        {
            return;
        }

        Producers.TryCells(k, o, out var producers);
        var count = TopicSettings.ReplicasOf(o);
        var partitions = TopicModule.PartitionsOf(o);
        w.Label("sequences");
        w.BeginList((count + 1) * partitions);
        for (var r = 0; r <= count; r++)
        {
            for (var p = 0; p < partitions; p++)
            {
                w.BeginList(k.Program.Threads.Count);
                for (var t = 0; t < k.Program.Threads.Count; t++)
                {
                    var (sequence, offset) = producers.Appended(r, p, t);
                    w.Int(sequence);
                    w.Int(offset);
                }

                w.EndList();
            }
        }

        w.EndList();
    }
}
