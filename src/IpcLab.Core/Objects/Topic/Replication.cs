using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A replicated topic (<c>replicas 3 minisr 2</c>), Kafka-style: each partition has a leader and
/// followers, replica r of every partition living on the broker process <c>TOPIC-r</c>, whose one
/// daemon thread fetches. A produce appends to the leader's log (the topic's log); each step of a
/// follower copies the next record it lacks, and the high-water mark (the lowest log end among the
/// in-sync replicas) moves on: a consumer reads only below it. An <c>acks(all)</c> produce waits
/// until the high-water mark passes its record. What a broker's crash does is in
/// <see cref="ReplicaFailover"/>.
/// </summary>
internal static class Replication
{
    /// <summary>The topic's replica cells, when it is replicated.</summary>
    public static bool TryCells(IKernelServices k, ObjectInfo topic, out ReplicaCells replicas)
    {
        var partitions = TopicModule.PartitionsOf(topic);
        var count = TopicSettings.ReplicasOf(topic);
        if (count == 1)
        {
            replicas = default;
            return false;
        }

        var all = k.Cells(topic.Id);
        var own = ReplicaCells.CellsFor(partitions, count, k.Program.Threads.Count);
        replicas = new ReplicaCells(all[^own..], partitions, count);
        return true;
    }

    /// <summary>How far a consumer may read partition <paramref name="p"/>: the high-water mark of a replicated topic, the log end of any other.</summary>
    public static long ReadableEnd(IKernelServices k, ObjectInfo topic, int p) =>
        TryCells(k, topic, out var replicas) ? replicas.HighWaterMark(p) : TopicModule.CellsOf(k, topic).End(p);

    /// <summary>The replica (from 0) whose fetches the thread makes, or -1 for a thread that is no replica of the topic.</summary>
    public static int ReplicaOf(IKernelServices k, ObjectInfo topic, int thread) =>
        k.Program.Threads[thread].Code is [{ Op: OpCode.ReplicaFetch } fetch] && fetch.A == topic.Id ? fetch.B : -1;

    /// <summary>The thread of replica <paramref name="r"/> of the topic.</summary>
    public static int ThreadOf(IKernelServices k, ObjectInfo topic, int r)
    {
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            if (ReplicaOf(k, topic, t) == r)
            {
                return t;
            }
        }

        throw new InvalidOperationException($"topic {topic.Name} has no thread for replica {r + 1}");
    }

    public static string NameOf(ObjectInfo topic, int r) => $"{topic.Name}-{r + 1}";

    /// <summary>
    /// The partition a follower whose broker is up fetches from next: the first one it follows whose leader has a
    /// record it lacks, or from whose ISR it is out while its log end has reached the high-water
    /// mark (its next fetch puts it back); or -1.
    /// </summary>
    public static int WorkOf(IKernelServices k, ObjectInfo topic, int r)
    {
        TryCells(k, topic, out var replicas);
        var log = TopicModule.CellsOf(k, topic);
        for (var p = 0; p < replicas.Partitions; p++)
        {
            if (replicas.Offline(p) == 0 && replicas.Leader(p) != r && (replicas.LogEnd(p, r) < log.End(p) || CanRejoin(replicas, p, r)))
            {
                return p;
            }
        }

        return -1;
    }

    // Kafka's leader adds a follower back to the ISR once a fetch shows its log end at or past the high-water mark.
    private static bool CanRejoin(ReplicaCells replicas, int p, int r) => !replicas.InSync(p, r) && replicas.LogEnd(p, r) >= replicas.HighWaterMark(p);

    /// <summary>True when replica <paramref name="r"/>'s thread has a step to take: a restart when its broker is down, else a fetch.</summary>
    public static bool HasWork(IKernelServices k, ObjectInfo topic, int r) =>
        TryCells(k, topic, out var replicas) && (replicas.IsDown(r) || WorkOf(k, topic, r) >= 0);

    /// <summary>One step of a replica's thread: restart its broker when it is down, else copy one record from a leader, or idle.</summary>
    public static void Fetch(IKernelServices k, int t, int pc, Instr instr)
    {
        var topic = k.Program.Objects[instr.A];
        var r = instr.B;
        TryCells(k, topic, out var down);
        if (down.IsDown(r))
        {
            ReplicaRestart.Restart(k, t, pc, topic, r);
            k.MoveTo(t, instr.Next);
            return;
        }

        var p = WorkOf(k, topic, r);
        if (p < 0)
        {
            k.JoinWaitQueue(t, topic.Id, ThreadStatus.Blocked);
            k.Emit(EventKind.ReplicaIdle, t, pc, topic.Id, r);
            return;
        }

        TryCells(k, topic, out var replicas);
        var log = TopicModule.CellsOf(k, topic);

        if (replicas.LogEnd(p, r) < log.End(p))
        {
            // Retention deleted what this follower had not copied yet: like a Kafka follower out of
            // range, it starts again at the leader's log start (its log holds [start, end) as the leader's).
            var offset = Math.Max(replicas.LogEnd(p, r), log.Start(p));
            ProducerSequences.Fetched(k, topic, p, r, offset, startedOver: offset > replicas.LogEnd(p, r));
            replicas.LogEnd(p, r) = offset + 1;
            var value = log.Value(p, offset);
            k.Emit(LogFields.Record(EventKind.ReplicaFetched, t, pc, topic.Id, (int)Math.Max(replicas.HighWaterMark(p), LowestInSyncEnd(replicas, p)), value, p, offset, 0));
            if (replicas.LogEnd(p, r) == log.End(p))
            {
                replicas.Behind(p, r) = 0;
            }
        }

        // It rejoins in the fetch that brings its log end to the mark, never before: it then holds
        // every record the mark covers, so the mark, now also bounded by its log end, stays where it is.
        if (CanRejoin(replicas, p, r))
        {
            replicas.OutOfSync(p) &= ~(1L << r);
            k.Emit(LogFields.Record(EventKind.ReplicaRejoined, t, pc, topic.Id, r, replicas.InSyncCount(p), p, replicas.LogEnd(p, r), 0));
        }

        AdvanceHighWaterMark(k, t, pc, topic, p);
        Settle(k, t, pc, topic);
        k.MoveTo(t, instr.Next);
    }

    /// <summary>A record was appended to the leader's log at <paramref name="offset"/>: the leader's own log end moves with it.</summary>
    public static void Appended(IKernelServices k, int t, int pc, ObjectInfo topic, int p, long offset)
    {
        TryCells(k, topic, out var replicas);
        replicas.LogEnd(p, (int)replicas.Leader(p)) = offset + 1;
        if (TopicSettings.ReplicaLagOf(topic) is var lag and > 0)
        {
            DropLagging(k, t, pc, topic, p, lag);
        }

        AdvanceHighWaterMark(k, t, pc, topic, p);
        Settle(k, t, pc, topic);
    }

    /// <summary>
    /// Kafka's replica.lag.time.max.ms with its time counted in the leader's appends: each append is
    /// one more for every in-sync follower not at the leader's log end, and a follower that has not
    /// caught up within <paramref name="lag"/> of them leaves the ISR. It is then no longer counted
    /// for the high-water mark (the caller moves it on) nor for acks(all); it goes on fetching, and
    /// rejoins once its log end reaches the mark.
    /// </summary>
    private static void DropLagging(IKernelServices k, int t, int pc, ObjectInfo topic, int p, int lag)
    {
        TryCells(k, topic, out var replicas);
        for (var r = 0; r < replicas.Replicas; r++)
        {
            if (r == replicas.Leader(p) || !replicas.InSync(p, r) || ++replicas.Behind(p, r) <= lag)
            {
                continue;
            }

            replicas.Behind(p, r) = 0;
            replicas.OutOfSync(p) |= 1L << r;
            k.Emit(LogFields.Record(EventKind.ReplicaLagged, t, pc, topic.Id, r, replicas.InSyncCount(p), p, replicas.LogEnd(p, r), 0));
        }
    }

    /// <summary>
    /// The high-water mark becomes the lowest log end among the in-sync replicas (it never goes
    /// back: every in-sync replica's log end is at least the mark, and a new leader is one of
    /// them). A member blocked polling below it gets the record in the same step.
    /// </summary>
    public static void AdvanceHighWaterMark(IKernelServices k, int actor, int pc, ObjectInfo topic, int p)
    {
        TryCells(k, topic, out var replicas);
        if (replicas.Offline(p) != 0)
        {
            return;
        }

        var lowest = LowestInSyncEnd(replicas, p);
        if (lowest <= replicas.HighWaterMark(p))
        {
            return;
        }

        replicas.HighWaterMark(p) = lowest;
        ConsumerPolls.Appended(k, actor, pc, topic, p);
    }

    private static long LowestInSyncEnd(ReplicaCells replicas, int p)
    {
        var lowest = long.MaxValue;
        for (var r = 0; r < replicas.Replicas; r++)
        {
            if (replicas.InSync(p, r))
            {
                lowest = Math.Min(lowest, replicas.LogEnd(p, r));
            }
        }

        return lowest;
    }

    /// <summary>
    /// After a step that changed a replicated topic: every <c>acks(all)</c> produce whose record the
    /// high-water mark passed is acknowledged, every one that can no longer be is refused, and every
    /// idle replica with a record to fetch is woken, so no thread stays blocked on the topic that
    /// could go on (the kernel checks it after every step).
    /// </summary>
    public static void Settle(IKernelServices k, int actor, int pc, ObjectInfo topic)
    {
        TryCells(k, topic, out var replicas);
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            if (k.WaitObjectOf(t) != topic.Id || k.StatusOf(t) != ThreadStatus.Blocked)
            {
                continue;
            }

            var r = ReplicaOf(k, topic, t);
            if (r >= 0)
            {
                if (HasWork(k, topic, r))
                {
                    k.Wake(t);
                    k.Emit(EventKind.ReplicaWoken, t, -1, topic.Id, r);
                }

                continue;
            }

            var (p, offset) = (replicas.WaitingPartition(t), replicas.WaitingOffset(t));
            if (replicas.Offline(p) != 0)
            {
                ReplicatedProduce.Finish(k, t, topic, p, offset, ProduceRefusal.Offline);
            }
            else if (replicas.InSyncCount(p) < TopicSettings.MinInSyncOf(topic))
            {
                // As Kafka's delayed produce: a mark that passed the record with too few in sync is no acknowledgement.
                ReplicatedProduce.Finish(k, t, topic, p, offset, ProduceRefusal.NotEnoughReplicasAfterAppend);
            }
            else if (replicas.HighWaterMark(p) > offset)
            {
                ReplicatedProduce.Finish(k, t, topic, p, offset, null);
            }
        }
    }

    /// <summary>Could a thread blocked on the topic go on: an idle replica with a record to fetch, or an <c>acks(all)</c> produce that can be answered.</summary>
    public static bool CanProceed(IKernelServices k, ObjectInfo topic, int thread)
    {
        if (!TryCells(k, topic, out var replicas))
        {
            return false;
        }

        var r = ReplicaOf(k, topic, thread);
        if (r >= 0)
        {
            return HasWork(k, topic, r);
        }

        var p = replicas.WaitingPartition(thread);
        return p < 0 || replicas.Offline(p) != 0 || replicas.HighWaterMark(p) > replicas.WaitingOffset(thread)
            || replicas.InSyncCount(p) < TopicSettings.MinInSyncOf(topic);
    }

    /// <summary>What a thread blocked on a replicated topic waits for.</summary>
    public static string DescribeWait(IKernelServices k, ObjectInfo topic, int thread)
    {
        TryCells(k, topic, out var replicas);
        if (ReplicaOf(k, topic, thread) >= 0)
        {
            return $"is idle: it has every record of the partitions of {topic.Name} it follows";
        }

        var p = replicas.WaitingPartition(thread);
        return $"waits for acks(all): offset {replicas.WaitingOffset(thread)} of {topic.Name} partition {p} must be on every in-sync replica (high-water mark {replicas.HighWaterMark(p)})";
    }
}
