using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// A client's publish: the message enters the broker's inbox, where it waits for the broker's
/// routing step. The broker's table is bounded, like a real broker's memory: a publish waits
/// (RabbitMQ blocks publishers under a resource alarm) until there is room for every copy it
/// could become, counting the copies the messages still in the inbox may become. So routing never
/// runs out of room, and nothing is dropped for want of it. A publish with <c>confirm</c> then waits
/// (blocked on the broker) for the routing step to confirm it, as a publisher that waits for
/// confirms does; the instruction's B holds the flags in its low byte and the local that gets the
/// confirm (1 ack, 0 nack), plus one, above. While the broker is down a publish fails (see <see cref="BrokerRestart"/>).
/// </summary>
internal static class Publishing
{
    public static void Publish(IKernelServices k, int t, int pc, Instr instr)
    {
        var exchange = k.Program.Objects[instr.A];
        var broker = k.Program.Objects[BrokerParts.BrokerOf(exchange)];
        var key = k.Eval(t, instr.E1!);
        var body = k.Eval(t, instr.E2!);
        var cells = BrokerParts.Cells(k, broker);
        if (cells.IsDown)
        {
            Refuse(k, t, pc, instr, exchange, broker, body);
            return;
        }

        TransientTopology.RequireExists(k, exchange, $"publishes {k.Format(ValueKind.Str, body)} to {exchange.Name}");
        var free = cells.FreeSlots();
        if (Room(k, broker) < exchange.Capacity)
        {
            k.JoinWaitQueue(t, broker.Id, ThreadStatus.Blocked);
            k.Emit(new KernelEvent(0, EventKind.PublishBlocked, t, pc, broker.Id, exchange.Id, free) { Count = exchange.Capacity });
            return;
        }

        var slot = cells.FindFree();
        var message = cells.Slot(slot);
        message.Place = MessagePlace.Inbox;
        message.At = exchange.Id;
        message.Body = body;
        message.Key = key;
        message.Publisher = t;
        message.Exchange = exchange.Id;
        message.Consumer = -1;
        message.Flags = (PublishFlags)(instr.B & 0xFF);
        message.Ttl = instr.C & 0xFFFF;
        message.Priority = instr.C >> 16;
        cells.AddToInbox(slot);
        message.Id = ++cells.Published;
        k.Emit(new KernelEvent(0, EventKind.MessagePublished, t, pc, exchange.Id, (int)key, body) { Count = (instr.B & 0xFF) | (message.Priority << 8), Message = message.Id });
        if ((message.Flags & PublishFlags.Confirm) != 0)
        {
            k.JoinWaitQueue(t, broker.Id, ThreadStatus.Blocked);
            return;
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary>
    /// A publish while the broker is down fails: the connection is refused (a real client's publish
    /// throws while its connection recovers). With confirms the publisher has not got its confirm,
    /// so it waits for the broker to come back and publishes again (the loop a publisher writes
    /// around its wait for confirms); without, the message is simply not sent.
    /// </summary>
    private static void Refuse(IKernelServices k, int t, int pc, Instr instr, ObjectInfo exchange, ObjectInfo broker, long body)
    {
        var confirm = (instr.B & (int)PublishFlags.Confirm) != 0;
        k.Emit(new KernelEvent(0, EventKind.PublishRefused, t, pc, exchange.Id, broker.Id, body) { Count = confirm ? 1 : 0 });
        if (confirm)
        {
            k.JoinWaitQueue(t, broker.Id, ThreadStatus.Blocked);
            return;
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary>True when the thread waits for the confirm of a message still in the inbox (not for room).</summary>
    public static bool AwaitsConfirm(IKernelServices k, ObjectInfo broker, int thread)
    {
        var cells = BrokerParts.Cells(k, broker);
        for (var i = 0; i < cells.InboxCount; i++)
        {
            var m = cells.Slot(cells.Inbox(i));
            if (m.Publisher == thread && (m.Flags & PublishFlags.Confirm) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The routing step confirms a message to its waiting publisher: an ack (of a routed or an unroutable message) or a nack.</summary>
    public static void Confirm(IKernelServices k, int t, int pc, ObjectInfo broker, int publisher, long body, bool ack, bool unroutable = false)
    {
        // A publisher that crashed while it waited hears nothing.
        if (k.HasEnded(publisher) || k.WaitObjectOf(publisher) != broker.Id)
        {
            return;
        }

        var publish = k.Program.Threads[publisher].Code[k.PcOf(publisher)];
        if (publish.B >> 8 is var local and > 0)
        {
            k.Local(publisher, local - 1) = ack ? 1 : 0;
        }

        k.Wake(publisher);
        k.CompletePending(publisher);
        k.Emit(new KernelEvent(0, EventKind.PublishConfirmed, t, pc, broker.Id, publisher, body) { Count = !ack ? 0 : unroutable ? 2 : 1 });
    }

    /// <summary>Free slots, less the extra copies the messages in the inbox may still need.</summary>
    public static int Room(IKernelServices k, ObjectInfo broker)
    {
        var cells = BrokerParts.Cells(k, broker);
        var room = cells.FreeSlots();
        for (var i = 0; i < cells.InboxCount; i++)
        {
            room -= k.Program.Objects[cells.Slot(cells.Inbox(i)).At].Capacity - 1;
        }

        return room;
    }

    /// <summary>True when the publish a thread waits at would fit now (a consume refused while the broker was down: when it is up).</summary>
    public static bool WouldFit(IKernelServices k, ObjectInfo broker, int thread)
    {
        if (BrokerParts.Cells(k, broker).IsDown || AwaitsConfirm(k, broker, thread))
        {
            return false;
        }

        var instr = k.Program.Threads[thread].Code[k.PcOf(thread)];
        return instr.Op == OpCode.Consume || Room(k, broker) >= k.Program.Objects[instr.A].Capacity;
    }
}
