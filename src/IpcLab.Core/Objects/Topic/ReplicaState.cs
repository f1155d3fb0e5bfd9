using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>A replicated topic's invariants after every step, and the one spelling of its replicas' state.</summary>
internal static class ReplicaState
{
    public static void Assert(IKernelServices k, ObjectInfo o)
    {
        if (!Replication.TryCells(k, o, out var replicas))
        {
            return;
        }

        var log = TopicModule.CellsOf(k, o);
        var brokers = (1L << replicas.Replicas) - 1;
        ObjectModule.Require((replicas.Down & ~brokers) == 0 && (replicas.Crashed & ~brokers) == 0 && (replicas.Down & ~replicas.Crashed) == 0, $"topic {o.Name} has the brokers down {replicas.Down} and crashed {replicas.Crashed}, not brokers of its {replicas.Replicas} replicas that crashed");
        for (var r = 0; r < replicas.Replicas; r++)
        {
            // A broker's thread loops for ever: a crash takes its broker down, never the thread.
            ObjectModule.Require(!k.HasEnded(Replication.ThreadOf(k, o, r)), $"the thread of broker {Replication.NameOf(o, r)} has ended; a crash should have taken the broker down instead");
        }

        for (var p = 0; p < replicas.Partitions; p++)
        {
            var leader = (int)replicas.Leader(p);
            var hwm = replicas.HighWaterMark(p);
            ObjectModule.Require(leader >= 0 && leader < replicas.Replicas && replicas.Epoch(p) >= 0 && replicas.Offline(p) is 0 or 1, $"partition {p} of topic {o.Name} has leader {leader}, epoch {replicas.Epoch(p)}, offline {replicas.Offline(p)}");
            ObjectModule.Require(replicas.Offline(p) != 0 || (replicas.InSync(p, leader) && replicas.LogEnd(p, leader) == log.End(p)), $"the leader {Replication.NameOf(o, leader)} of partition {p} of topic {o.Name} is out of sync or its log end {replicas.LogEnd(p, leader)} is not the log's {log.End(p)}");
            ObjectModule.Require(hwm >= 0 && hwm <= log.End(p), $"the high-water mark {hwm} of partition {p} of topic {o.Name} is outside its log [0, {log.End(p)}]");
            ObjectModule.Require((replicas.Offline(p) != 0) == (replicas.InSyncCount(p) == 0), $"partition {p} of topic {o.Name} is {(replicas.Offline(p) != 0 ? "offline with" : "online without")} an in-sync replica");
            ObjectModule.Require((replicas.OutOfSync(p) >> replicas.Replicas) == 0, $"partition {p} of topic {o.Name} has replicas out of sync beyond its {replicas.Replicas}");
            for (var r = 0; r < replicas.Replicas; r++)
            {
                var alive = !replicas.IsDown(r);
                ObjectModule.Require(alive || !replicas.InSync(p, r), $"replica {Replication.NameOf(o, r)} of partition {p} of topic {o.Name} is down but in sync");
                ObjectModule.Require(alive ? replicas.Checkpoint(p, r) == 0 && replicas.LogEnd(p, r) <= log.End(p) : replicas.Checkpoint(p, r) >= 0 && replicas.Checkpoint(p, r) <= Math.Min(hwm, replicas.LogEnd(p, r)),
                    $"replica {Replication.NameOf(o, r)} of partition {p} of topic {o.Name} ({(alive ? "up" : "down")}) ends at {replicas.LogEnd(p, r)} with the checkpoint {replicas.Checkpoint(p, r)} (high-water mark {hwm}, log end {log.End(p)})");
                var follows = replicas.InSync(p, r) && r != leader && replicas.LogEnd(p, r) < log.End(p);
                ObjectModule.Require(replicas.Behind(p, r) >= 0 && replicas.Behind(p, r) <= (follows ? TopicSettings.ReplicaLagOf(o) : 0),
                    $"replica {Replication.NameOf(o, r)} of partition {p} of topic {o.Name} counts {replicas.Behind(p, r)} appends behind the leader (replicalag {TopicSettings.ReplicaLagOf(o)}, log end {replicas.LogEnd(p, r)} of {log.End(p)})");

                // A replica's log is the leader's log up to its own log end: a prefix, never longer.
                ObjectModule.Require(!replicas.InSync(p, r) || (replicas.LogEnd(p, r) >= hwm && replicas.LogEnd(p, r) <= log.End(p)), $"in-sync replica {Replication.NameOf(o, r)} of partition {p} of topic {o.Name} ends at {replicas.LogEnd(p, r)}, not between the high-water mark {hwm} and the leader's log end {log.End(p)}");
            }

            // A position may sit at the log start above the mark only when retention deleted records no follower had copied yet (a tiny `retain`): it has read nothing there.
            AssertReadersBelow(k, o, p, Math.Max(hwm, log.Start(p)));
        }

        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var p = replicas.WaitingPartition(t);
            ObjectModule.Require(p < 0 ? replicas.WaitingOffset(t) == 0 : k.WaitObjectOf(t) == o.Id && p < replicas.Partitions && replicas.WaitingOffset(t) >= replicas.HighWaterMark(p) && replicas.WaitingOffset(t) < log.End(p), $"{k.ThreadName(t)} waits for offset {replicas.WaitingOffset(t)} of partition {p} of topic {o.Name}, which is not a record the high-water mark has yet to pass");
        }
    }

    /// <summary>No consumer group on the topic has read or committed past the high-water mark.</summary>
    private static void AssertReadersBelow(IKernelServices k, ObjectInfo topic, int p, long hwm)
    {
        var objects = k.Program.Objects;
        for (var i = ConsumerGroupSettings.NextOn(objects, topic.Id, 0); i >= 0; i = ConsumerGroupSettings.NextOn(objects, topic.Id, i + 1))
        {
            var g = objects[i];
            var group = ConsumerGroupModule.CellsOf(k, g);
            ObjectModule.Require(group.Position(p) <= hwm && group.Committed(p) <= hwm, $"consumer group {g.Name} is at {group.Position(p)} (committed {group.Committed(p)}) in partition {p} of topic {topic.Name}, past the high-water mark {hwm}");
        }
    }

    /// <summary>"replicas [leader 0 epoch 0 hwm 2 out-of-sync 0 offline 0 ends [2 1 2] ...] waiting [...]", only for a replicated topic.</summary>
    public static void Write(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        if (!Replication.TryCells(k, o, out var replicas))
        {
            return;
        }

        w.Label("replicas");
        w.BeginList(replicas.Partitions);
        for (var p = 0; p < replicas.Partitions; p++)
        {
            w.Label("leader");
            w.Int(replicas.Leader(p));
            w.Label("epoch");
            w.Int(replicas.Epoch(p));
            w.Label("hwm");
            w.Int(replicas.HighWaterMark(p));
            w.Label("out-of-sync");
            w.Int(replicas.OutOfSync(p));
            w.Label("offline");
            w.Int(replicas.Offline(p));
            w.Label("ends");
            w.BeginList(replicas.Replicas);
            for (var r = 0; r < replicas.Replicas; r++)
            {
                w.Int(replicas.LogEnd(p, r));
            }

            w.EndList();
            w.Label("checkpoints");
            w.BeginList(replicas.Replicas);
            for (var r = 0; r < replicas.Replicas; r++)
            {
                w.Int(replicas.Checkpoint(p, r));
            }

            w.EndList();
            w.Label("behind");
            w.BeginList(replicas.Replicas);
            for (var r = 0; r < replicas.Replicas; r++)
            {
                w.Int(replicas.Behind(p, r));
            }

            w.EndList();
        }

        w.EndList();
        w.Label("down");
        w.Int(replicas.Down);
        w.Label("crashed");
        w.Int(replicas.Crashed);
        w.Label("waiting");
        w.BeginList(k.Program.Threads.Count);
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            w.Int(replicas.WaitingPartition(t));
            w.Int(replicas.WaitingOffset(t));
        }

        w.EndList();
    }
}
