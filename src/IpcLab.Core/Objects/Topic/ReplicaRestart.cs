using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A crashed broker of a replicated topic restarts (scripted with <c>restart orders, 1</c>, or
/// injected as a restart of its process). Its replica of every partition comes back as a follower,
/// out of the ISR: as a Kafka broker does on becoming a follower, it truncates its log to the
/// high-water mark it had checkpointed when it went down (what lies above may differ from the
/// leader's log: a record only it had, written while it led, is gone), then fetches from the leader
/// until its log end reaches the high-water mark, and rejoins the ISR (see <see cref="Replication.Fetch"/>).
/// A partition that went offline because this broker, its last leader, died gets it back as its
/// leader with its whole log: no committed record was lost, since no other replica was in sync.
/// </summary>
internal static class ReplicaRestart
{
    /// <summary>Why the process cannot be restarted now, or null when it is the down broker of a replicated topic.</summary>
    public static string? WhyNot(IKernelServices k, int process)
    {
        var threads = k.Program.Processes[process].Threads;
        if (threads is not [var only] || k.Program.Threads[only].Code is not [{ Op: OpCode.ReplicaFetch }])
        {
            return $"{k.Program.Processes[process].Name} is not the broker of a replica: only a replicated topic's brokers restart";
        }

        return k.HasEnded(only) ? null : $"{k.Program.Processes[process].Name} is up: only a broker that crashed restarts";
    }

    /// <summary><c>restart TOPIC, N</c>: the broker of replica <paramref name="r"/> crashes when it is up, then restarts, in the thread's one step.</summary>
    public static void CrashAndRestart(IKernelServices k, int actor, int pc, ObjectInfo topic, int r)
    {
        var thread = Replication.ThreadOf(k, topic, r);
        if (!k.HasEnded(thread))
        {
            // Not the caller's own process: the crash is told as one from outside.
            k.CrashProcess(k.ProcessOf(thread), -1, -1);
        }

        Restart(k, actor, pc, topic, r);
    }

    /// <param name="actor">The thread whose <c>restart</c> did it, or -1 when injected.</param>
    public static void Restart(IKernelServices k, int actor, int pc, ObjectInfo topic, int r)
    {
        Replication.TryCells(k, topic, out var replicas);
        var thread = Replication.ThreadOf(k, topic, r);
        k.Revive(thread);
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
                k.Emit(LogFields.Record(EventKind.ReplicaLogTruncated, actor, pc, topic.Id, r, end, p, checkpoint, 0));
            }
        }

        Replication.Settle(k, actor, pc, topic);
    }
}
