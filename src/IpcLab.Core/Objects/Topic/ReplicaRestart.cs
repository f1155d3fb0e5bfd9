using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A crashed broker of a replicated topic restarts: with its own thread's next step after a crash
/// (injected, or by the guarantee checker), a step the scheduler chooses like any other, so the
/// clients and the other brokers act while it is down; or at once with <c>restart orders, 1</c>,
/// which crashes it first when it is up. Its replica of every partition comes back as a follower,
/// out of the ISR: as a Kafka broker does on becoming a follower, it truncates its log to the
/// high-water mark it had checkpointed when it went down (what lies above may differ from the
/// leader's log: a record only it had, written while it led, is gone), then fetches from the leader
/// until its log end reaches the high-water mark, and rejoins the ISR (see <see cref="Replication.Fetch"/>).
/// A partition that went offline because this broker, its last leader, died gets it back as its
/// leader with its whole log: no committed record was lost, since no other replica was in sync.
/// </summary>
internal static class ReplicaRestart
{
    /// <summary><c>restart TOPIC, N</c>: the broker of replica <paramref name="r"/> crashes when it is up, then restarts, in the thread's one step.</summary>
    public static void CrashAndRestart(IKernelServices k, int actor, int pc, ObjectInfo topic, int r)
    {
        if (ReplicaFailover.WhyCannotCrash(k, topic, r) is null)
        {
            ReplicaFailover.Crash(k, actor, pc, topic, r);
        }

        Restart(k, actor, pc, topic, r);
    }

    /// <param name="actor">The thread whose <c>restart</c> did it, or the broker's own thread.</param>
    public static void Restart(IKernelServices k, int actor, int pc, ObjectInfo topic, int r)
    {
        Replication.TryCells(k, topic, out var replicas);
        replicas.Down &= ~(1L << r);
        for (var p = 0; p < replicas.Partitions; p++)
        {
            var checkpoint = replicas.Checkpoint(p, r);
            replicas.Checkpoint(p, r) = 0;
            if (replicas.Offline(p) != 0 && replicas.Leader(p) == r)
            {
                // It was the last in sync: its log is the partition's log, untouched since it died.
                replicas.Offline(p) = 0;
                replicas.OutOfSync(p) &= ~(1L << r);
                replicas.Epoch(p)++;
                k.Emit(LogFields.Record(EventKind.ReplicaRestarted, actor, pc, topic.Id, r, 1, p, replicas.LogEnd(p, r), 0));
                Replication.AdvanceHighWaterMark(k, actor, pc, topic, p);
                continue;
            }

            var end = replicas.LogEnd(p, r);
            k.Emit(LogFields.Record(EventKind.ReplicaRestarted, actor, pc, topic.Id, r, 0, p, end, 0));
            if (end > checkpoint)
            {
                replicas.LogEnd(p, r) = checkpoint;
                ProducerSequences.RolledBack(k, topic, p, r, checkpoint);
                k.Emit(LogFields.Record(EventKind.ReplicaLogTruncated, actor, pc, topic.Id, r, end, p, checkpoint, 0));
            }
        }

        Replication.Settle(k, actor, pc, topic);
    }
}
