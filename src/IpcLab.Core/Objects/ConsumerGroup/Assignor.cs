namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>How a consumer group splits its topic's partitions among its members at a rebalance (Kafka's partition.assignment.strategy).</summary>
public enum Assignor
{
    /// <summary>The members, in thread order, take consecutive runs of partitions: each P / n, the first P mod n one more (Kafka's RangeAssignor, the default).</summary>
    Range,

    /// <summary>The partitions are dealt to the members in thread order like cards: partition p to member p mod n (Kafka's RoundRobinAssignor).</summary>
    RoundRobin,
}
