using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// What a broker's crash (its process or its thread crashed, injected, or a scripted
/// <c>restart</c>) does to a replicated topic: the broker is down until its own thread's next step
/// restarts it (see <see cref="ReplicaRestart"/>), and its replica leaves the ISR of every
/// partition; where it led, a clean election makes the lowest-numbered in-sync follower the leader
/// (a new leader epoch), and the log is truncated to the new leader's log end: a record only the
/// dead leader had is gone. With no in-sync follower left the partition is offline (unclean
/// election is off) until the broker that led it last restarts.
/// </summary>
internal static class ReplicaFailover
{
    /// <summary>The replicated topic and replica whose broker thread <paramref name="thread"/> is, or null.</summary>
    public static (ObjectInfo Topic, int Replica)? BrokerOfThread(CompiledProgram program, int thread) =>
        program.Threads[thread].Code is [{ Op: OpCode.ReplicaFetch } fetch] ? (program.Objects[fetch.A], fetch.B) : null;

    /// <summary>The replicated topic and replica whose broker process <paramref name="process"/> is, or null.</summary>
    public static (ObjectInfo Topic, int Replica)? BrokerOfProcess(CompiledProgram program, int process) =>
        program.Processes[process].Threads is [var only] ? BrokerOfThread(program, only) : null;

    /// <summary>Why the broker of replica <paramref name="r"/> cannot crash now (it is down already), or null.</summary>
    public static string? WhyCannotCrash(IKernelServices k, ObjectInfo topic, int r) =>
        Replication.TryCells(k, topic, out var replicas) && replicas.IsDown(r) ? $"{Replication.NameOf(topic, r)} is down already: its own next step restarts it" : null;

    /// <summary>True when the broker of replica <paramref name="r"/> has crashed before in this run (the explorer crashes a broker once a run).</summary>
    public static bool HasCrashed(IKernelServices k, ObjectInfo topic, int r) =>
        Replication.TryCells(k, topic, out var replicas) && (replicas.Crashed & (1L << r)) != 0;

    /// <summary>
    /// The broker of replica <paramref name="r"/> crashes and is down: out of every ISR, its
    /// partitions elect new leaders, and its thread, woken if it idled, restarts it with its next step.
    /// </summary>
    /// <param name="actor">The thread whose <c>restart</c> crashed it, or -1 when injected.</param>
    public static void Crash(IKernelServices k, int actor, int pc, ObjectInfo topic, int r)
    {
        Replication.TryCells(k, topic, out var replicas);
        replicas.Down |= 1L << r;
        replicas.Crashed |= 1L << r;
        var self = Replication.ThreadOf(k, topic, r);
        k.Emit(EventKind.ReplicaBrokerDown, actor, pc, topic.Id, r);
        if (k.StatusOf(self) == ThreadStatus.Blocked)
        {
            k.Wake(self);
        }

        ReplicaDown(k, topic, r);
    }

    /// <summary>A producer that ends while its acks(all) produce waits (crashed) waits no more; its record stays.</summary>
    public static void OnThreadEnd(IKernelServices k, int thread)
    {
        var objects = k.Program.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i].Kind == ObjectKind.Topic && Replication.TryCells(k, objects[i], out var replicas) && replicas.WaitingPartition(thread) >= 0)
            {
                replicas.StopWaiting(thread);
            }
        }
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

        ProducerSequences.Truncated(k, topic, p, next, end);
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
            replicas.LogEnd(p, r) = replicas.IsDown(r) ? replicas.LogEnd(p, r) : Math.Min(replicas.LogEnd(p, r), end);
            replicas.Behind(p, r) = 0;
        }
    }
}
