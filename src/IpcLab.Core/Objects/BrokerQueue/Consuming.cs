using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>
/// A client's side of getting messages: <c>consume</c> (push: the broker's steps send it
/// deliveries), <c>receive</c> (the program takes the oldest delivery pushed to it, or waits for
/// one), and <c>get</c> (pull the head now, or hear "empty"). A delivery taken with autoack leaves
/// the broker's books as it is taken: it was forgotten at the push. A queue a restart lost answers
/// each of them with NOT_FOUND (see <see cref="TransientTopology"/>).
/// </summary>
internal static class Consuming
{
    public static void Consume(IKernelServices k, int t, int pc, Instr instr)
    {
        var queue = k.Program.Objects[instr.A];
        var prefetch = instr.E1 is null ? 0 : k.Eval(t, instr.E1);
        if (prefetch is < 0 or > ushort.MaxValue)
        {
            throw new ThreadFaultException($"consumes from {queue.Name} with prefetch {prefetch}; a prefetch count goes from 0 (unlimited) to {ushort.MaxValue}");
        }

        var broker = k.Program.Objects[BrokerParts.BrokerOf(queue)];
        if (BrokerParts.Cells(k, broker).IsDown)
        {
            // basic.consume is a call on the channel, which the crash closed: it fails (a real
            // client's throws). The program retries it once the broker is back, as a publish with
            // confirms does: it waits for the broker's restart, which wakes it to consume again.
            k.JoinWaitQueue(t, broker.Id, ThreadStatus.Blocked);
            k.Emit(EventKind.ConsumeRefused, t, pc, queue.Id, broker.Id);
            return;
        }

        TransientTopology.RequireExists(k, queue, $"consumes from {queue.Name}");
        var q = BrokerParts.QueueCells(k, queue);
        if (q.Mode(t) is ConsumerMode.ManualAck or ConsumerMode.AutoAck)
        {
            throw new ThreadFaultException($"already consumes from {queue.Name}: one consumer per queue and thread");
        }

        var autoack = instr.B == 1;
        q.StartConsuming(t, autoack ? ConsumerMode.AutoAck : ConsumerMode.ManualAck, autoack ? 0 : prefetch);
        k.Emit(EventKind.ConsumeStarted, t, pc, queue.Id, autoack ? 1 : 0, prefetch);
        k.MoveTo(t, instr.Next);
    }

    /// <summary>
    /// basic.cancel: the broker pushes nothing more to the thread from this queue. What it holds
    /// stays with its channel, as in RabbitMQ: it can still take what was pushed before, ack, nack
    /// or reject it, and it goes back to the queue when the channel closes.
    /// </summary>
    public static void Cancel(IKernelServices k, int t, int pc, Instr instr)
    {
        var queue = k.Program.Objects[instr.A];
        var q = BrokerParts.QueueCells(k, queue);
        if (q.Mode(t) is not (ConsumerMode.ManualAck or ConsumerMode.AutoAck))
        {
            throw new ThreadFaultException($"cancels its consumer of {queue.Name}, but it does not consume from it{(q.Mode(t) == ConsumerMode.Cancelled ? " any more (cancelled already)" : "")}: NOT_FOUND, the broker closes the channel");
        }

        q.StartConsuming(t, ConsumerMode.Cancelled, 0);
        k.Emit(EventKind.ConsumeCancelled, t, pc, queue.Id, -1, q.Outstanding(t));
        k.MoveTo(t, instr.Next);
    }

    public static void Receive(IKernelServices k, int t, int pc, Instr instr)
    {
        var queue = k.Program.Objects[instr.A];
        var q = BrokerParts.QueueCells(k, queue);
        var slot = OldestPushed(k, queue, t);
        if (slot < 0 && q.IsGone)
        {
            TransientTopology.RequireExists(k, queue, $"receives from {queue.Name}");
        }

        if (q.Mode(t) == ConsumerMode.Cancelled && slot < 0)
        {
            throw new ThreadFaultException($"receives from {queue.Name} after cancelling its consumer, and nothing pushed before is left: the broker pushes it nothing more (consume again, or pull with `get`)");
        }

        if (q.Mode(t) == ConsumerMode.None)
        {
            throw new ThreadFaultException($"receives from {queue.Name} without consuming from it: write `consume {queue.Name}` first (or pull with `get`)");
        }

        if (slot < 0)
        {
            k.JoinWaitQueue(t, queue.Id, ThreadStatus.Blocked);
            k.Emit(EventKind.DeliveryWaits, t, pc, queue.Id);
            return;
        }

        Take(k, t, pc, instr, queue, slot);
    }

    /// <summary>The consumer's program takes a pushed delivery into the receive's results and moves on.</summary>
    public static void Take(IKernelServices k, int t, int pc, Instr receive, ObjectInfo queue, int slot)
    {
        var broker = k.Program.Objects[BrokerParts.BrokerOf(queue)];
        var message = BrokerParts.Cells(k, broker).Slot(slot);
        var q = BrokerParts.QueueCells(k, queue);
        var (body, tag, id) = (message.Body, message.Tag, message.Id);
        k.Local(t, receive.B) = body;
        k.Local(t, receive.C) = tag;
        if ((message.Flags & PublishFlags.AutoAcked) != 0)
        {
            q.Outstanding(t)--;
            q.Acked++;
            message.Clear();
        }
        else
        {
            message.Place = MessagePlace.Unacked;
        }

        k.Emit(new KernelEvent(0, EventKind.DeliveryTaken, t, pc, queue.Id, -1, body) { Count = (int)tag, Message = id });
        k.MoveTo(t, receive.Next);
    }

    public static void Get(IKernelServices k, int t, int pc, Instr instr)
    {
        var queue = k.Program.Objects[instr.A];
        var broker = k.Program.Objects[BrokerParts.BrokerOf(queue)];
        var q = BrokerParts.QueueCells(k, queue);
        if (BrokerParts.Cells(k, broker).IsDown)
        {
            // basic.get is a call on the channel, which the crash closed: it fails at once (a real
            // client's throws); the program hears "nothing", as from an empty queue.
            k.Local(t, instr.B) = k.Intern("");
            k.Local(t, instr.C) = 0;
            k.Emit(EventKind.GetRefused, t, pc, queue.Id, broker.Id);
            k.MoveTo(t, instr.Next);
            return;
        }

        TransientTopology.RequireExists(k, queue, $"gets from {queue.Name}");
        Expiry.ExpireHeads(k, t, pc, queue);
        if (q.ReadyCount == 0)
        {
            k.Local(t, instr.B) = k.Intern("");
            k.Local(t, instr.C) = 0;
            k.Emit(EventKind.GetEmpty, t, pc, queue.Id);
            k.MoveTo(t, instr.Next);
            return;
        }

        var cells = BrokerParts.Cells(k, broker);
        var slot = q.TakeHead();
        var message = cells.Slot(slot);
        message.Deliveries++;
        message.Consumer = t;
        message.Tag = ++cells.LastTag(t);
        message.Place = MessagePlace.Unacked;
        message.Flags |= PublishFlags.Fetched;
        k.Local(t, instr.B) = message.Body;
        k.Local(t, instr.C) = message.Tag;
        k.Emit(new KernelEvent(0, EventKind.GetTook, t, pc, queue.Id, message.Deliveries > 1 ? 1 : 0, message.Body) { Count = (int)message.Tag, Message = message.Id });
        k.MoveTo(t, instr.Next);
    }

    /// <summary>The slot of the oldest delivery (lowest tag) pushed to <paramref name="t"/> by <paramref name="queue"/> and not taken yet, or -1.</summary>
    public static int OldestPushed(IKernelServices k, ObjectInfo queue, int t)
    {
        var cells = BrokerParts.Cells(k, k.Program.Objects[BrokerParts.BrokerOf(queue)]);
        var best = -1;
        for (var s = 0; s < cells.Capacity; s++)
        {
            var m = cells.Slot(s);
            if (m.Place == MessagePlace.Pushed && m.Consumer == t && m.At == queue.Id && (best < 0 || m.Tag < cells.Slot(best).Tag))
            {
                best = s;
            }
        }

        return best;
    }
}
