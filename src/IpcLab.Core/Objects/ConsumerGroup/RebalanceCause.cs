namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>Why a consumer group rebalanced: a membership change, each of which reassigns every partition at once.</summary>
public enum RebalanceCause
{
    /// <summary>A thread subscribed (Kafka: a consumer joined the group).</summary>
    Joined,

    /// <summary>A member unsubscribed (Kafka: close() sent a LeaveGroup).</summary>
    Left,

    /// <summary>A member crashed, or its process did (Kafka: the coordinator's session timeout, which here expires at the end of the crash's step).</summary>
    Crashed,

    /// <summary>A member's thread finished or faulted while still subscribed.</summary>
    Ended,
}
