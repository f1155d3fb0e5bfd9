using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.Objects;

namespace IpcLab.Core.Tests.Replication;

/// <summary>
/// The channel contract over a partition of a topic with two replicas, produced to with acks(all)
/// and read by a one-member group that commits after every record: the same channel as
/// <see cref="Log.LogPartitionChannelTests"/>, where each record also waits for the follower's
/// fetch before a producer moves on or the reader can read it. What it holds is what the group
/// has not committed.
/// </summary>
public sealed class ReplicatedPartitionChannelTests : ChannelContract
{
    protected override string Script(int producers, int items, int capacity) => $"""
        topic ch retain {Bound(producers, items, capacity)} replicas 2 minisr 2
        consumers readers on ch
        thread producer * {producers}:
            for i in 1..{items}:
                produce ch, "{"{self}"}.{"{i}"}", acks(all)
        thread consumer:
            subscribe readers
            repeat {producers * items}:
                poll readers -> x
                print x
                commit readers
        """;

    protected override int Bound(int producers, int items, int capacity) => Math.Max(capacity, producers * items);

    // A producer blocks for the follower's copy, never for room, and a broker's thread idles on the topic: only the reader waits for records.
    protected override bool WaitsForRoomOrItems(ThreadInfo thread) => thread.Name.StartsWith("consumer", StringComparison.Ordinal);

    /// <summary>What the reader could read now: the records below the high-water mark past its position.</summary>
    protected override int ReceivableNow(Kernel kernel, ObjectInfo channel)
    {
        var readers = kernel.Program.Objects.Single(o => o.Name == "readers");
        var position = kernel.ConsumerGroupPartitions(readers.Id)[0];
        return position.Owner < 0 ? 0 : (int)(kernel.TopicReplicas(channel.Id)[0].HighWaterMark - position.Position);
    }

    protected override int Held(Kernel kernel, ObjectInfo channel)
    {
        var readers = kernel.Program.Objects.Single(o => o.Name == "readers");
        var log = kernel.TopicPartitions(channel.Id)[0];
        var committed = kernel.ConsumerGroupPartitions(readers.Id)[0].Committed;
        return (int)(log.End - (committed >= 0 ? committed : log.Start));
    }
}
