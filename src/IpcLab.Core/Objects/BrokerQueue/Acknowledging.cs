using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>
/// Settling deliveries: ack (the message leaves the broker), nack and reject (back to its queue
/// at its original place, marked redelivered, or discarded), and what a consumer that ends leaves
/// behind: its unacknowledged messages go back to their queues; the ones pushed to it with
/// autoack, which the broker already forgot, are lost. Delivery tags belong to the thread's
/// channel; a tag that is not one of its unacknowledged deliveries is a channel error
/// (PRECONDITION_FAILED): the broker closes the channel, so the thread faults, and its other
/// unacknowledged messages go back as for any consumer that ends.
/// </summary>
internal static class Acknowledging
{
    public static void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        var broker = BrokerParts.Find(k.Program)!;
        var cells = BrokerParts.Cells(k, broker);
        var tag = k.Eval(t, instr.E1!);
        var multiple = instr.Op != OpCode.Reject && (instr.B & 1) != 0;
        var requeue = instr.Op != OpCode.Ack && (instr.B & 2) == 0;
        if (Find(cells, t, tag) < 0 && tag >= 1 && tag <= cells.StaleTags(t))
        {
            // The client recovered from a broker restart on a new channel: it does not send a
            // settlement for a tag of the closed one, which the broker already took back.
            // While the broker is down the client cannot send it at all (Count 1): same outcome.
            k.Emit(new KernelEvent(0, EventKind.SettleStale, t, pc, broker.Id, instr.Op switch { OpCode.Ack => 0, OpCode.Nack => 1, _ => 2 }, tag) { Count = cells.IsDown ? 1 : 0 });
            k.MoveTo(t, instr.Next);
            return;
        }

        if (Find(cells, t, tag) < 0)
        {
            var word = instr.Text;
            throw new ThreadFaultException($"{word}s delivery tag {tag}, which is not an unacknowledged delivery of its channel (unknown, or already settled): PRECONDITION_FAILED, the broker closes the channel");
        }

        // Oldest tag first, so events read in delivery order; with multiple, every earlier tag too.
        for (var next = multiple ? 1 : tag; next <= tag; next++)
        {
            var slot = Find(cells, t, next);
            if (slot >= 0)
            {
                SettleOne(k, t, pc, cells, slot, instr.Op, requeue);
            }
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary>Settles one delivery as <paramref name="op"/> says (Ack, Nack or Reject), requeued or not.</summary>
    private static void SettleOne(IKernelServices k, int t, int pc, BrokerCells cells, int slot, OpCode op, bool requeue)
    {
        var message = cells.Slot(slot);
        var queue = k.Program.Objects[message.At];
        var q = BrokerParts.QueueCells(k, queue);
        var (body, tag, id) = (message.Body, message.Tag, message.Id);
        if ((message.Flags & PublishFlags.Fetched) == 0)
        {
            q.Outstanding(t)--;
        }

        if (op == OpCode.Ack)
        {
            q.Acked++;
            message.Clear();
            k.Emit(new KernelEvent(0, EventKind.MessageAcked, t, pc, queue.Id, -1, body) { Count = (int)tag, Message = id });
        }
        else if (requeue)
        {
            Requeue(k, t, pc, cells, slot, op == OpCode.Nack ? 0 : 1);
        }
        else
        {
            q.Discarded++;
            k.Emit(new KernelEvent(0, EventKind.MessageDiscarded, t, pc, queue.Id, -1, body) { Count = (int)tag, Message = id });
            DeadLetters.EndOrDivert(k, t, pc, queue, slot, DeathReason.Rejected);
        }
    }

    /// <summary>Back to the queue at its original place (by its sequence number), marked redelivered; <paramref name="why"/>: 0 nack, 1 reject, 2 its consumer ended.</summary>
    private static void Requeue(IKernelServices k, int t, int pc, BrokerCells cells, int slot, int why)
    {
        var message = cells.Slot(slot);
        var queue = k.Program.Objects[message.At];
        var (body, tag) = (message.Body, message.Tag);

        // Every delivery that comes back is a failed attempt (a quorum queue's x-delivery-count):
        // past the limit the copy is taken out of its queue instead of going round again.
        if (queue.DeliveryLimit > 0 && message.Deliveries > queue.DeliveryLimit)
        {
            BrokerParts.QueueCells(k, queue).Poisoned++;
            k.Emit(new KernelEvent(0, EventKind.MessagePoisoned, t, pc, queue.Id, why, body) { Count = (int)message.Deliveries, Message = message.Id });
            DeadLetters.EndOrDivert(k, t, pc, queue, slot, DeathReason.DeliveryLimit);
            return;
        }

        message.Place = MessagePlace.Ready;
        message.Consumer = -1;
        message.Tag = 0;
        message.Flags &= ~PublishFlags.Fetched;
        BrokerParts.QueueCells(k, queue).InsertReady(slot, cells, queue.MaxPriority);
        k.Emit(new KernelEvent(0, EventKind.MessageRequeued, t, pc, queue.Id, why, body) { Count = (int)tag, Message = message.Id });
        Routing.DropHeads(k, t, pc, queue);
    }

    /// <summary>A consumer ended (finished, faulted, crashed): its channel closes.</summary>
    public static void OnThreadEnd(IKernelServices k, int thread)
    {
        if (BrokerParts.Find(k.Program) is not { } broker)
        {
            return;
        }

        var cells = BrokerParts.Cells(k, broker);
        for (var tag = 1L; tag <= cells.LastTag(thread); tag++)
        {
            var slot = Find(cells, thread, tag);
            if (slot < 0)
            {
                continue;
            }

            var message = cells.Slot(slot);
            var queue = k.Program.Objects[message.At];
            var q = BrokerParts.QueueCells(k, queue);
            var fetched = (message.Flags & PublishFlags.Fetched) != 0;
            if (!fetched)
            {
                q.Outstanding(thread)--;
            }

            if (message.Place == MessagePlace.Pushed && (message.Flags & PublishFlags.AutoAcked) != 0)
            {
                var (body, id) = (message.Body, message.Id);
                q.Lost++;
                message.Clear();
                k.Emit(new KernelEvent(0, EventKind.AutoackLost, thread, -1, queue.Id, -1, body) { Count = (int)tag, Message = id });
            }
            else
            {
                Requeue(k, thread, -1, cells, slot, 2);
            }
        }

        foreach (var o in k.Program.Objects)
        {
            if (o.Kind == ObjectKind.BrokerQueue)
            {
                BrokerParts.QueueCells(k, o).StopConsuming(thread);
            }
        }
    }

    /// <summary>The slot of the thread's unacknowledged delivery with this tag, or -1.</summary>
    private static int Find(BrokerCells cells, int thread, long tag)
    {
        for (var s = 0; s < cells.Capacity; s++)
        {
            var m = cells.Slot(s);
            if (m.Tag == tag && m.Consumer == thread && m.Place is MessagePlace.Pushed or MessagePlace.Unacked)
            {
                return s;
            }
        }

        return -1;
    }
}
