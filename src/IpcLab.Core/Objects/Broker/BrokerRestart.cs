using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The broker crashes and restarts, in one step (scripted with <c>restart rabbit</c>, or injected as
/// a crash of the broker's process). What RabbitMQ keeps on disk comes back: the persistent messages
/// of durable queues, ready ones in their order and unacknowledged ones back in their place, marked
/// redelivered. Everything else that lived in its memory is gone, each copy with an event saying
/// why: the inbox (published, not routed yet), transient queues' messages, non-persistent messages,
/// and what autoack consumers had been pushed but not taken.
///
/// Every client connection is closed by the crash. The clients recover as RabbitMQ's Java and .NET
/// clients do with automatic recovery (their default): they reconnect, open a new channel,
/// redeclare their topology and register their consumers again. The new channel keeps counting
/// delivery tags after the old one, and the client drops an ack, nack or reject of a tag from the old
/// channel instead of sending it (see <see cref="BrokerCells.StaleTags"/>). A publisher waiting for a
/// confirm of a message the restart lost never gets it, and publishes it again.
/// </summary>
internal static class BrokerRestart
{
    /// <summary>True when <paramref name="process"/> is the process of the program's broker.</summary>
    public static bool IsBrokerProcess(IKernelServices k, int process) =>
        BrokerParts.Find(k.Program) is { } broker && k.ProcessOf(BrokerParts.ThreadOf(k.Program, broker)) == process;

    /// <param name="actor">The thread whose <c>restart</c> did it, or -1 when injected.</param>
    public static void Restart(IKernelServices k, int actor, int pc, ObjectInfo broker)
    {
        var cells = BrokerParts.Cells(k, broker);
        cells.Restarts++;
        k.Emit(EventKind.BrokerRestarted, actor, pc, broker.Id);
        var lost = 0;
        var kept = 0;

        while (cells.InboxCount > 0)
        {
            var slot = cells.TakeFromInbox();
            var message = cells.Slot(slot);
            var (body, id, exchange, publisher, confirm) = (message.Body, message.Id, message.At, message.Publisher, (message.Flags & PublishFlags.Confirm) != 0);
            message.Clear();
            cells.InboxLost++;
            lost++;
            k.Emit(new KernelEvent(0, EventKind.MessageLostInRestart, actor, pc, exchange, (int)RestartLoss.InFlight, body) { Message = id });
            if (confirm && !k.HasEnded(publisher) && k.WaitObjectOf(publisher) == broker.Id)
            {
                // Its confirm never comes: the publisher publishes it again (its pending publish runs again).
                k.Wake(publisher);
                k.Emit(EventKind.PublishUnconfirmed, publisher, k.PcOf(publisher), broker.Id, -1, body);
            }
        }

        foreach (var queue in k.Program.Objects)
        {
            if (queue.Kind != ObjectKind.BrokerQueue || BrokerParts.BrokerOf(queue) != broker.Id)
            {
                continue;
            }

            var q = BrokerParts.QueueCells(k, queue);
            for (var i = 0; i < q.ReadyCount;)
            {
                var message = cells.Slot(q.Ready(i));
                if (Survives(queue, message))
                {
                    kept++;
                    i++;
                    continue;
                }

                Lose(k, actor, pc, queue, q, cells, q.TakeAt(i), Why(queue));
                lost++;
            }
        }

        // Held deliveries, by channel and tag: the closed channels give back what they held.
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            for (var s = 0; s < cells.Capacity; s++)
            {
                var message = cells.Slot(s);
                if (message.Consumer != t || message.Place is not (MessagePlace.Pushed or MessagePlace.Unacked))
                {
                    continue;
                }

                var queue = k.Program.Objects[message.At];
                var q = BrokerParts.QueueCells(k, queue);
                if ((message.Flags & PublishFlags.Fetched) == 0)
                {
                    q.Outstanding(t)--;
                }

                if (message.Place == MessagePlace.Pushed && (message.Flags & PublishFlags.AutoAcked) != 0)
                {
                    Lose(k, actor, pc, queue, q, cells, s, RestartLoss.AutoackBuffer);
                    lost++;
                }
                else if (!Survives(queue, message))
                {
                    Lose(k, actor, pc, queue, q, cells, s, Why(queue));
                    lost++;
                }
                else
                {
                    var tag = message.Tag;
                    message.Place = MessagePlace.Ready;
                    message.Consumer = -1;
                    message.Tag = 0;
                    message.Flags &= ~PublishFlags.Fetched;
                    q.InsertReady(s, cells, queue.MaxPriority);
                    kept++;
                    k.Emit(new KernelEvent(0, EventKind.MessageRecovered, actor, pc, queue.Id, t, message.Body) { Count = (int)tag, Message = message.Id });
                }
            }

            cells.StaleTags(t) = cells.LastTag(t);
        }

        k.Emit(new KernelEvent(0, EventKind.BrokerRecovered, actor, pc, broker.Id, lost, kept));
    }

    /// <summary>A copy survives when it is persistent and in a durable queue: only those are on disk.</summary>
    private static bool Survives(ObjectInfo queue, MessageSlot message) =>
        BrokerParts.IsDurable(queue) && (message.Flags & PublishFlags.Persistent) != 0;

    private static RestartLoss Why(ObjectInfo queue) => BrokerParts.IsDurable(queue) ? RestartLoss.NotPersistent : RestartLoss.TransientQueue;

    /// <summary>The copy in <paramref name="slot"/>, out of every list, ends as lost in its queue's books.</summary>
    private static void Lose(IKernelServices k, int actor, int pc, ObjectInfo queue, BrokerQueueCells q, BrokerCells cells, int slot, RestartLoss why)
    {
        var message = cells.Slot(slot);
        var (body, id) = (message.Body, message.Id);
        message.Clear();
        q.Lost++;
        k.Emit(new KernelEvent(0, EventKind.MessageLostInRestart, actor, pc, queue.Id, (int)why, body) { Message = id });
    }
}
