using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// Message TTL, counted in steps of the kernel clock from the moment a message enters its queue:
/// the queue's TTL or the message's own, the lower when both are set.
/// As in RabbitMQ, a message is dropped for its TTL only when it reaches the head of its queue:
/// an expired message behind others still counts in the queue's length until then. Dropping an
/// expired head is one of the broker's own steps (before any delivery, so no stale message is
/// delivered); a get expires the heads it finds first. An idle broker sleeps with a deadline at
/// the next expiry, so time moves on to it even when no other thread can run.
/// </summary>
internal static class Expiry
{
    /// <summary>The queue of the broker whose head expired first, or null.</summary>
    public static ObjectInfo? ExpiredQueue(IKernelServices k, ObjectInfo broker)
    {
        ObjectInfo? first = null;
        var earliest = long.MaxValue;
        foreach (var o in k.Program.Objects)
        {
            if (o.Kind == ObjectKind.BrokerQueue && BrokerParts.BrokerOf(o) == broker.Id && HeadExpiry(k, broker, o) is var at && at <= k.Clock && at < earliest)
            {
                first = o;
                earliest = at;
            }
        }

        return first;
    }

    /// <summary>The earliest clock at which a head of the broker's queues expires, or long.MaxValue.</summary>
    public static long NextExpiry(IKernelServices k, ObjectInfo broker)
    {
        var earliest = long.MaxValue;
        foreach (var o in k.Program.Objects)
        {
            if (o.Kind == ObjectKind.BrokerQueue && BrokerParts.BrokerOf(o) == broker.Id)
            {
                earliest = Math.Min(earliest, HeadExpiry(k, broker, o));
            }
        }

        return earliest;
    }

    /// <summary>Drops the queue's head, whose TTL has passed.</summary>
    public static void ExpireHead(IKernelServices k, int t, int pc, ObjectInfo queue)
    {
        var broker = k.Program.Objects[BrokerParts.BrokerOf(queue)];
        var q = BrokerParts.QueueCells(k, queue);
        var slot = q.TakeHead();
        var head = BrokerParts.Cells(k, broker).Slot(slot);
        var body = head.Body;
        q.Expired++;
        k.Emit(new KernelEvent(0, EventKind.MessageExpired, t, pc, queue.Id, -1, body) { Count = (int)BrokerParts.TtlOf(queue, head), Message = head.Id });
        DeadLetters.EndOrDivert(k, t, pc, queue, slot, DeathReason.Expired);
    }

    /// <summary>Drops every expired message at the head of the queue (a get does, before it takes one).</summary>
    public static void ExpireHeads(IKernelServices k, int t, int pc, ObjectInfo queue)
    {
        var broker = k.Program.Objects[BrokerParts.BrokerOf(queue)];
        while (HeadExpiry(k, broker, queue) <= k.Clock)
        {
            ExpireHead(k, t, pc, queue);
        }
    }

    private static long HeadExpiry(IKernelServices k, ObjectInfo broker, ObjectInfo queue)
    {
        var q = BrokerParts.QueueCells(k, queue);
        return q.ReadyCount == 0 ? long.MaxValue : BrokerParts.ExpiryOf(queue, BrokerParts.Cells(k, broker).Slot(q.Ready(0)));
    }
}
