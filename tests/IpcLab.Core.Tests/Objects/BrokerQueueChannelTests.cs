using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Tests.Objects;

/// <summary>
/// A broker queue behind a direct exchange, one consumer acknowledging every delivery. The broker's
/// capacity is the channel's: a publisher waits while the broker has no room. The channel holds
/// every copy the broker holds for it (in the inbox, ready, or pushed and unacknowledged); a
/// consumer blocked in its receive could take only what was pushed to it.
/// </summary>
public sealed class BrokerQueueChannelTests : ChannelContract
{
    protected override string Script(int producers, int items, int capacity) => $$"""
        broker rabbit capacity {{capacity}}
        exchange x type direct
        bqueue ch bind x key "k"
        thread producer * {{producers}}:
            for i in 1..{{items}}:
                publish x, "k", "{self}.{i}"
        thread consumer:
            consume ch
            repeat {{producers * items}}:
                receive ch -> v, tag
                print v
                ack tag
        """;

    protected override int Held(Kernel kernel, ObjectInfo channel)
    {
        var broker = kernel.Program.Objects.Single(o => o.Kind == ObjectKind.Broker);
        return kernel.BrokerInbox(broker.Id).Count + kernel.BrokerQueueReady(channel.Id).Count
            + kernel.BrokerQueueConsumers(channel.Id).Sum(c => c.Held.Count);
    }

    protected override int ReceivableNow(Kernel kernel, ObjectInfo channel) =>
        kernel.BrokerQueueConsumers(channel.Id).Sum(c => c.Held.Count(m => m.Place == MessagePlace.Pushed));
}
