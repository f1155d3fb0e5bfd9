using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>The events of a replicated topic: what each means for the views, and its sentence.</summary>
internal static class ReplicationSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.ReplicaFetched, EventClass.Other, "replica-fetched") { ChangesObject = true },
        new(EventKind.ReplicaIdle, EventClass.Other, "replica-idle") { Tag = "idle" },
        new(EventKind.ReplicaWoken, EventClass.Wake, "replica-woken") { Tag = "has a record to fetch" },
        new(EventKind.ReplicaOutOfSync, EventClass.Other, "replica-out-of-sync") { ChangesObject = true },
        new(EventKind.LeaderElected, EventClass.Other, "leader-elected") { ChangesObject = true },
        new(EventKind.RecordTruncated, EventClass.Drop, "truncated"),
        new(EventKind.PartitionOffline, EventClass.Drop, "partition-offline"),
        new(EventKind.ProduceAcknowledged, EventClass.Other, "produce-acknowledged") { Tag = "acknowledged" },
        new(EventKind.ProduceAwaitingReplicas, EventClass.Block, "blocked") { Tag = "waits for acks(all)" },
        new(EventKind.ProduceRefused, EventClass.Other, "produce-refused") { Tag = "refused" },
        new(EventKind.ReplicaRestarted, EventClass.Other, "replica-restarted") { ChangesObject = true },
        new(EventKind.ReplicaLogTruncated, EventClass.Other, "replica-log-truncated") { ChangesObject = true },
        new(EventKind.ReplicaRejoined, EventClass.Other, "replica-rejoined") { ChangesObject = true },
        new(EventKind.ReplicaLagged, EventClass.Other, "replica-lagged") { ChangesObject = true },
        new(EventKind.ReplicaBrokerDown, EventClass.Other, "replica-broker-down") { ChangesObject = true },
    ];

    /// <summary>The sentence, or null for an event replication does not emit.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        if (!Specs.Any(s => s.Kind == e.Kind))
        {
            return null;
        }

        var topic = w.Object!;
        if (e.Kind == EventKind.ReplicaBrokerDown)
        {
            return $"{Replication.NameOf(topic, e.Other)} crashes: the broker is down, out of the ISR of every partition of {topic.Name}, until its own next step restarts it";
        }

        var (p, offset) = (LogFields.Partition(e), LogFields.Offset(e));
        var where = $"{topic.Name} partition {p}";
        return e.Kind switch
        {
            EventKind.ReplicaFetched => $"{w.Who} copies {w.Value(topic.ValueKind)} (offset {offset} of {where}) from the leader: its log now ends at {offset + 1}; the high-water mark is {e.Other}",
            EventKind.ReplicaIdle => $"{w.Who} has every record of the partitions of {topic.Name} it follows: it idles",
            EventKind.ReplicaWoken => $"{w.Who} has a record to fetch from a leader of {topic.Name} again",
            EventKind.ReplicaOutOfSync => $"{Replication.NameOf(topic, e.Other)} leaves the ISR of {where}: its broker is down (its log ended at {offset}); {e.Value} in-sync replica{(e.Value == 1 ? "" : "s")} left",
            EventKind.LeaderElected => $"{Replication.NameOf(topic, e.Other)} becomes the leader of {where} (epoch {e.Value}), elected from the ISR as {Replication.NameOf(topic, e.PeerProcess - 1)} died; its log ends at {offset}, and what the other replicas hold beyond it is truncated",
            EventKind.RecordTruncated => $"{w.Value(topic.ValueKind)} at offset {offset} of {where} is gone: only the dead leader had it, the new leader {Replication.NameOf(topic, e.Other)} never copied it",
            EventKind.PartitionOffline => $"{where} is offline: its leader {Replication.NameOf(topic, e.Other)} died and no in-sync replica is left to lead (unclean election is off); the high-water mark stays at {offset}",
            EventKind.ProduceAcknowledged => Acknowledged(w, where),
            EventKind.ProduceAwaitingReplicas => $"{w.Who} appended {w.Value(topic.ValueKind)} at offset {offset} of {where} with acks(all): it waits until every in-sync replica has it ({e.Other} in sync, high-water mark {e.PeerProcess - 1})",
            EventKind.ProduceRefused => Refused(w, where),
            EventKind.ReplicaRestarted => e.Value == 0
                ? $"{Replication.NameOf(topic, e.Other)} restarts as a follower of {where} (its log ends at {offset}): out of the ISR until its log end reaches the high-water mark"
                : $"{Replication.NameOf(topic, e.Other)} restarts and leads {where} again: it was the last in-sync replica when the partition went offline, and its log, ending at {offset}, is the partition's",
            EventKind.ReplicaLogTruncated => $"{Replication.NameOf(topic, e.Other)} truncates its log of {where} from {e.Value} to {offset}, the high-water mark it knew when it went down, as a Kafka broker does on becoming a follower: above it, its records may not be the leader's (a record only it had is gone); it fetches again from {offset}",
            EventKind.ReplicaLagged => $"{Replication.NameOf(topic, e.Other)} leaves the ISR of {where}: it has not caught up with the leader's log end within {TopicSettings.ReplicaLagOf(topic)} of its appends (replicalag, Kafka's replica.lag.time.max.ms counted in appends); its log ends at {offset}; {e.Value} in-sync replica{(e.Value == 1 ? "" : "s")} left",
            EventKind.ReplicaRejoined => $"{Replication.NameOf(topic, e.Other)} rejoins the ISR of {where}: its log end {offset} reached the high-water mark; {e.Value} in-sync replica{(e.Value == 1 ? "" : "s")}",
            _ => null,
        };
    }

    private static string Acknowledged(in EventWords w, string where)
    {
        var e = w.Event;
        var value = w.Value(w.Object!.ValueKind);
        return (ProduceAcks)e.Other == ProduceAcks.All
            ? $"{w.Who}'s produce of {value} is acknowledged (acks(all)): the high-water mark of {where} is {e.PeerProcess - 1}, past offset {LogFields.Offset(e)}, so every in-sync replica has it"
            : $"{w.Who}'s produce of {value} is acknowledged by the leader alone (acks(1)): offset {LogFields.Offset(e)} of {where}, high-water mark {e.PeerProcess - 1}, so a follower may not have it yet";
    }

    private static string Refused(in EventWords w, string where)
    {
        var e = w.Event;
        var value = w.Value(w.Object!.ValueKind);
        var isr = e.PeerProcess;
        var min = TopicSettings.MinInSyncOf(w.Object!);
        return (ProduceRefusal)e.Other switch
        {
            ProduceRefusal.NotEnoughReplicas => $"{w.Who}'s produce of {value} to {where} is refused (NotEnoughReplicas): {isr} in-sync replica{(isr == 1 ? "" : "s")}, fewer than min.insync.replicas {min}; nothing is appended, its offset is -1",
            ProduceRefusal.NotEnoughReplicasAfterAppend => $"{w.Who}'s produce of {value} fails (NotEnoughReplicasAfterAppend): it is at offset {LogFields.Offset(e)} of {where}, but the ISR fell to {isr}, below min.insync.replicas {min}; its offset is -1, and a retry may append it twice",
            ProduceRefusal.Truncated => $"{w.Who}'s produce of {value} fails: offset {LogFields.Offset(e)} of {where} was only on the dead leader and is truncated; it was never acknowledged, its offset is -1",
            _ => $"{w.Who}'s produce of {value} fails: {where} is offline, no in-sync replica is left to lead it; its offset is -1",
        };
    }
}
