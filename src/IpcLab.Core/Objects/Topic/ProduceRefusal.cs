namespace IpcLab.Core.Objects.Topic;

/// <summary>Why a produce to a replicated topic failed (the producer's result offset is -1).</summary>
public enum ProduceRefusal
{
    /// <summary>Kafka's NotEnoughReplicas: the ISR was below min.insync.replicas, so the leader refused an <c>acks(all)</c> record before appending it.</summary>
    NotEnoughReplicas,

    /// <summary>Kafka's NotEnoughReplicasAfterAppend: the record is in the leader's log, but the ISR fell below min.insync.replicas before every in-sync replica had it.</summary>
    NotEnoughReplicasAfterAppend,

    /// <summary>The leader died before a follower copied the record, and the election truncated it: it is in no log any more.</summary>
    Truncated,

    /// <summary>The partition has no leader: every in-sync replica's broker is down.</summary>
    Offline,
}
