using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// What the end of a broker's thread (its process crashed, or it alone) does to a replicated topic: its replica leaves the ISR of
/// every partition; where it led, a clean election makes the lowest-numbered in-sync follower the
/// leader (a new leader epoch), and the log is truncated to the new leader's log end: a record
/// only the dead leader had is gone. With no in-sync follower left the partition is offline
/// (unclean election is off) until the broker that led it last restarts (see <see cref="ReplicaRestart"/>).
/// </summary>
internal static class ReplicaFailover
{
    /// <summary>A thread ended: when it is a replica's (its process crashed, or it alone was crashed), that replica is down.</summary>
    public static void OnThreadEnd(IKernelServices k, int thread)
    {
        // A producer that ends while its acks(all) produce waits (crashed) waits no more; its record stays.
        var objects = k.Program.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i].Kind == ObjectKind.Topic && Replication.TryCells(k, objects[i], out var replicas) && replicas.WaitingPartition(thread) >= 0)
            {
                replicas.StopWaiting(thread);
            }
        }

        if (k.Program.Threads[thread].Code is not [{ Op: OpCode.ReplicaFetch } fetch])
        {
            return;
        }

        ReplicaDown(k, k.Program.Objects[fetch.A], fetch.B);
    }

    private static void ReplicaDown(IKernelServices k, ObjectInfo topic, int r)
    {
        Replication.TryCells(k, topic, out var replicas);
        var self = Replication.ThreadOf(k, topic, r);
        for (var p = 0; p < replicas.Partitions; p++)
        {
            // What it keeps of its log is what it knew committed: it truncates to there when it restarts.
            replicas.Checkpoint(p, r) = Math.Min(replicas.LogEnd(p, r), replicas.HighWaterMark(p));
            replicas.Behind(p, r) = 0;
            if (!replicas.InSync(p, r))
            {
                continue;
            }

            replicas.OutOfSync(p) |= 1L << r;
            k.Emit(LogFields.Record(EventKind.ReplicaOutOfSync, self, -1, topic.Id, r, replicas.InSyncCount(p), p, replicas.LogEnd(p, r), 0));
            if (replicas.Leader(p) == r)
            {
                Elect(k, topic, p, r);
            }

            Replication.AdvanceHighWaterMark(k, -1, -1, topic, p);
        }

        Replication.Settle(k, -1, -1, topic);
    }

    private static void Elect(IKernelServices k, ObjectInfo topic, int p, int dead)
    {
        Replication.TryCells(k, topic, out var replicas);
        var next = -1;
        for (var r = 0; r < replicas.Replicas && next < 0; r++)
        {
            next = replicas.InSync(p, r) ? r : -1;
        }

        if (next < 0)
        {
            replicas.Offline(p) = 1;
            k.Emit(LogFields.Record(EventKind.PartitionOffline, -1, -1, topic.Id, dead, 0, p, replicas.HighWaterMark(p), 0));
            return;
        }

        replicas.Leader(p) = next;
        replicas.Epoch(p)++;
        var end = replicas.LogEnd(p, next);
        k.Emit(LogFields.Record(EventKind.LeaderElected, -1, -1, topic.Id, next, replicas.Epoch(p), p, end, dead + 1));

        // An acks(all) produce whose record goes is told so while the record is still there to name.
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            if (replicas.WaitingPartition(t) == p && replicas.WaitingOffset(t) >= end)
            {
                ReplicatedProduce.Finish(k, t, topic, p, replicas.WaitingOffset(t), ProduceRefusal.Truncated);
            }
        }

        var log = TopicModule.CellsOf(k, topic);
        for (var offset = Math.Max(end, log.Start(p)); offset < log.End(p); offset++)
        {
            k.Emit(LogFields.Record(EventKind.RecordTruncated, -1, -1, topic.Id, next, log.Value(p, offset), p, offset, 0));
            Producers.Unstamp(k, topic, p, offset);
        }

        log.TruncateTo(p, end);

        // Every live follower (in sync, or catching up after a restart) learns of the new leader and
        // truncates to its log end; a dead replica keeps its log until it restarts.
        for (var r = 0; r < replicas.Replicas; r++)
        {
            replicas.LogEnd(p, r) = k.HasEnded(Replication.ThreadOf(k, topic, r)) ? replicas.LogEnd(p, r) : Math.Min(replicas.LogEnd(p, r), end);
            replicas.Behind(p, r) = 0;
        }
    }
}
