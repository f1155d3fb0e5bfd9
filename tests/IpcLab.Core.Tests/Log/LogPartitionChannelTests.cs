using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.Objects;

namespace IpcLab.Core.Tests.Log;

/// <summary>
/// A topic partition read by a one-member consumer group that commits after every record, as a
/// channel. What it holds is what the group has not committed (its lag). Where the contract
/// differs from a queue's: a producer never blocks, so the log's bound is its retention, not a
/// capacity a sender waits for; the script sizes the retention to the whole workload (a smaller
/// one deletes records nobody read, which is retention doing its job, not a loss the contract
/// could promise against); and nothing is removed by reading: held = lag, the records retained
/// stay.
/// </summary>
public sealed class LogPartitionChannelTests : ChannelContract
{
    protected override string Script(int producers, int items, int capacity) => $"""
        topic ch retain {Bound(producers, items, capacity)}
        consumers readers on ch
        thread producer * {producers}:
            for i in 1..{items}:
                produce ch, "{"{self}"}.{"{i}"}"
        thread consumer:
            subscribe readers
            repeat {producers * items}:
                poll readers -> x
                print x
                commit readers
        """;

    protected override int Bound(int producers, int items, int capacity) => Math.Max(capacity, producers * items);

    protected override int Held(Kernel kernel, ObjectInfo channel)
    {
        var readers = kernel.Program.Objects.Single(o => o.Name == "readers");
        var log = kernel.TopicPartitions(channel.Id)[0];
        var committed = kernel.ConsumerGroupPartitions(readers.Id)[0].Committed;
        return (int)(log.End - (committed >= 0 ? committed : log.Start));
    }
}
