using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The broker's second kind of step: push one ready message to a consumer. Of the queues whose
/// head some consumer can take now (it consumes and its prefetch window is open), the oldest head
/// goes (the lowest sequence number); within a queue the consumers take turns, round-robin after
/// the one served last, as RabbitMQ does. A consumer blocked in its receive gets the message at
/// once; otherwise it waits in the consumer's buffer, unacknowledged all the same.
/// </summary>
internal static class Delivery
{
    /// <summary>The queue whose head the broker would push next, or null.</summary>
    public static ObjectInfo? NextQueue(IKernelServices k, ObjectInfo broker)
    {
        var cells = BrokerParts.Cells(k, broker);
        ObjectInfo? best = null;
        var bestSeq = long.MaxValue;
        foreach (var o in k.Program.Objects)
        {
            if (o.Kind != ObjectKind.BrokerQueue || BrokerParts.BrokerOf(o) != broker.Id)
            {
                continue;
            }

            var q = BrokerParts.QueueCells(k, o);
            if (q.ReadyCount > 0 && cells.Slot(q.Ready(0)).Seq < bestSeq && NextConsumer(k, q) >= 0)
            {
                best = o;
                bestSeq = cells.Slot(q.Ready(0)).Seq;
            }
        }

        return best;
    }

    /// <summary>The consumer whose turn it is, round-robin after the last served, among those whose window is open; or -1.</summary>
    public static int NextConsumer(IKernelServices k, BrokerQueueCells q)
    {
        var threads = k.Program.Threads.Count;
        for (var i = 1; i <= threads; i++)
        {
            var t = (q.LastServed + i + threads) % threads;
            if (q.WindowOpen(t))
            {
                return t;
            }
        }

        return -1;
    }

    public static void PushOldest(IKernelServices k, int t, int pc, ObjectInfo broker, ObjectInfo queue)
    {
        var cells = BrokerParts.Cells(k, broker);
        var q = BrokerParts.QueueCells(k, queue);
        var consumer = NextConsumer(k, q);
        var slot = q.TakeHead();
        var message = cells.Slot(slot);
        var redelivered = message.Redelivered;
        message.Deliveries++;
        message.Consumer = consumer;
        message.Tag = ++cells.LastTag(consumer);
        message.Place = MessagePlace.Pushed;
        if (q.Mode(consumer) == ConsumerMode.AutoAck)
        {
            message.Flags |= PublishFlags.AutoAcked;
        }
        q.Outstanding(consumer)++;
        q.LastServed = consumer;
        k.Emit(new KernelEvent(0, redelivered ? EventKind.MessageRedelivered : EventKind.MessagePushed, t, pc, queue.Id, consumer, message.Body) { Count = (int)message.Tag, Message = message.Id });

        if (k.StatusOf(consumer) == ThreadStatus.Blocked && k.WaitObjectOf(consumer) == queue.Id)
        {
            var receive = k.Program.Threads[consumer].Code[k.PcOf(consumer)];
            k.Wake(consumer);
            Consuming.Take(k, consumer, k.PcOf(consumer), receive, queue, slot);
        }
    }
}
