using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// Dead-lettering, as RabbitMQ does it: a copy that ends in a queue with a dead-letter exchange
/// (rejected or nacked without requeue, expired, dropped or refused at the maximum length) is not
/// forgotten but republished by the broker to that exchange, with the queue's dead-letter key or
/// its own. Here it goes back into the broker's inbox, so routing it is a later step of the
/// broker like any publish. The copy has already been counted as ended in its queue; the broker
/// counts it again as entering the inbox, which keeps both books balanced. Each death adds to the
/// message's history (see <see cref="DeathHistory"/>), one entry per queue and reason with a count.
/// </summary>
internal static class DeadLetters
{
    /// <summary>Sends the copy in <paramref name="slot"/> (already out of its queue's lists) to the queue's dead-letter exchange, or clears it when there is none or it cannot go.</summary>
    public static void EndOrDivert(IKernelServices k, int t, int pc, ObjectInfo queue, int slot, DeathReason reason)
    {
        var broker = k.Program.Objects[BrokerParts.BrokerOf(queue)];
        var cells = BrokerParts.Cells(k, broker);
        var message = cells.Slot(slot);
        if (queue.DeadLetter is not { } target)
        {
            message.Clear();
            return;
        }

        var (body, id) = (message.Body, message.Id);
        var exchange = k.Program.Objects[target.ExchangeId];

        // A dead-letter exchange a restart lost: RabbitMQ drops the dead letter.
        if (TransientTopology.IsGone(k, exchange))
        {
            message.Clear();
            k.Emit(new KernelEvent(0, EventKind.MessageDeadLettered, t, pc, queue.Id, -3, body) { Count = (int)reason, Message = id });
            return;
        }

        // Its own slot goes back into the inbox; the extra copies the exchange may make need room,
        // which every publish reserves for the messages in the inbox (see Publishing.Room).
        if (Publishing.Room(k, broker) < exchange.Capacity - 1)
        {
            message.Clear();
            k.Emit(new KernelEvent(0, EventKind.MessageDeadLettered, t, pc, queue.Id, -2, body) { Count = (int)reason, Message = id });
            return;
        }

        // The death is recorded as RabbitMQ writes x-death: with the exchange the message was
        // published to and the key it had, before the dead-letter key replaces it. Whether it may
        // enter a queue again is decided when the dead-letter exchange routes it (Routing).
        var count = message.History.Record(queue.Id, reason, message.Exchange, message.Key);
        var words = (int)reason | (int)(count << 4);
        message.Exchange = exchange.Id;
        message.Place = MessagePlace.Inbox;
        message.At = exchange.Id;
        if (target.Key is { } key)
        {
            message.Key = k.Intern(key);
        }

        message.Seq = 0;
        message.EnqueuedAt = 0;
        message.Consumer = -1;
        message.Tag = 0;
        message.Deliveries = 0;

        // RabbitMQ removes the expiration of a dead letter, so it does not expire again where it goes.
        message.Ttl = 0;

        // Dead letters that nothing routes are dropped, never returned (RabbitMQ).
        message.Flags &= PublishFlags.Persistent;
        cells.AddToInbox(slot);
        cells.DeadLettered++;
        k.Emit(new KernelEvent(0, EventKind.MessageDeadLettered, t, pc, queue.Id, exchange.Id, body) { Count = words, Message = id });
    }

    /// <summary>The reason as RabbitMQ's x-death spells it.</summary>
    public static string Word(DeathReason reason) => reason.Word();
}
