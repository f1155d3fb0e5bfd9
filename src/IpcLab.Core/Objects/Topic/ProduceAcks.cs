namespace IpcLab.Core.Objects.Topic;

/// <summary>What a producer waits for before its produce completes (Kafka's <c>acks</c>); it matters only on a replicated topic.</summary>
public enum ProduceAcks
{
    /// <summary><c>acks(all)</c>, Kafka's default: the produce completes once every in-sync replica has the record (the high-water mark passed it), and is refused while the ISR is below min.insync.replicas.</summary>
    All,

    /// <summary><c>acks(1)</c>: the produce completes once the leader has the record in its own log; a follower may not have it yet.</summary>
    Leader,

    /// <summary><c>acks(0)</c>: the producer does not wait at all and does not even learn the offset.</summary>
    None,
}
