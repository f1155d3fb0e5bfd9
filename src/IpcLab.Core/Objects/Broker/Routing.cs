using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The broker's first kind of step: the oldest published message leaves the inbox through its
/// exchange. Each queue with at least one matching binding gets one copy, however many of its
/// bindings match; a message nothing matches is dropped, or returned to its publisher when it is
/// mandatory. The publish reserved room for every copy (see <see cref="Publishing"/>), so the copies always fit.
/// A queue at its maximum length drops its oldest ready message to take the copy, or refuses it.
/// </summary>
internal static class Routing
{
    public static bool Matches(ExchangeType type, Binding b, string key) => type switch
    {
        ExchangeType.Direct => b.Key == key,
        ExchangeType.Fanout => true,
        ExchangeType.Topic => TopicPattern.Matches(b.Words, key.Split('.')),
        _ => HeaderText.Matches(b.Arguments, b.Match, key),
    };

    public static void RouteOldest(IKernelServices k, int t, int pc, ObjectInfo broker)
    {
        var cells = BrokerParts.Cells(k, broker);
        var slot = cells.TakeFromInbox();
        var message = cells.Slot(slot);
        var exchange = k.Program.Objects[message.At];
        var key = k.Strings[message.Key];

        // At most 62 bindings per exchange (BrokerTopology), so at most 62 queues.
        Span<int> queues = stackalloc int[62];
        var count = Match(k, exchange, key, queues);

        // RabbitMQ's alternate exchange: a message none of the bindings match goes on to it, and
        // down its chain, in the same routing step; a chain that comes back to an exchange it
        // passed routes nothing more.
        // A lost (transient) alternate exchange ends the chain, and so does the default exchange as
        // an alternate (`alternate ""`): RabbitMQ 3.10 accepts it but routes nothing through it, so
        // the message is unroutable (the conformance suite shows it).
        for (var hops = 0; count == 0 && exchange.Alternate is { } alternate && hops < k.Program.Objects.Count
            && !TransientTopology.IsGone(k, k.Program.Objects[alternate.ExchangeId]) && alternate.Exchange.Length > 0; hops++)
        {
            var next = k.Program.Objects[alternate.ExchangeId];
            k.Emit(new KernelEvent(0, EventKind.MessageToAlternate, t, pc, exchange.Id, next.Id, message.Body) { Count = (int)message.Key, Message = message.Id });
            exchange = next;
            message.At = next.Id;
            count = Match(k, exchange, key, queues);
        }

        var ex = new ExchangeCells(k.Cells(exchange.Id));
        if (count > 0 && message.History.Last is not (DeathReason.None or DeathReason.Rejected))
        {
            count = DropCycles(k, t, pc, message, exchange, queues[..count]);
            if (count == 0)
            {
                cells.CycleDropped++;
                message.Clear();
                return;
            }
        }

        if (count == 0)
        {
            ex.Unroutable++;
            var (body, keyId, publisher, flags, id) = (message.Body, message.Key, message.Publisher, message.Flags, message.Id);
            message.Clear();
            if ((flags & PublishFlags.Mandatory) != 0)
            {
                cells.Returned++;
                k.Emit(new KernelEvent(0, EventKind.MessageReturned, t, pc, exchange.Id, publisher, body) { Count = (int)keyId, Message = id });
            }
            else
            {
                cells.Unroutable++;
                k.Emit(new KernelEvent(0, EventKind.MessageUnroutable, t, pc, exchange.Id, (int)keyId, body) { Message = id });
            }

            // RabbitMQ confirms an unroutable message with an ack (after the return, for a mandatory one).
            if ((flags & PublishFlags.Confirm) != 0)
            {
                Publishing.Confirm(k, t, pc, broker, publisher, body, ack: true, unroutable: true);
            }

            return;
        }

        var confirm = (message.Flags & PublishFlags.Confirm) != 0;
        message.Flags &= ~PublishFlags.Confirm;
        var (published, from) = (message.Body, message.Publisher);
        var refusedAny = false;

        ex.Routed++;

        // The copies after the first go into free slots before the first's slot is changed, so
        // each is made from the message as published.
        Span<int> copies = stackalloc int[count];
        for (var i = count - 1; i >= 0; i--)
        {
            copies[i] = i == 0 ? slot : cells.FindFree();
            if (copies[i] != slot)
            {
                message.CopyTo(cells.Slot(copies[i]));
            }

            var c = cells.Slot(copies[i]);
            c.Place = MessagePlace.Ready;
            c.At = queues[i];
        }

        for (var i = 0; i < count; i++)
        {
            var copy = copies[i];
            var c = cells.Slot(copy);
            c.Seq = cells.NextSeq();
            var queue = k.Program.Objects[queues[i]];

            // Only a queue with a TTL keeps the time: elsewhere it would tell apart states that
            // differ in nothing a learner could see.
            c.EnqueuedAt = BrokerParts.TtlOf(queue, c) > 0 ? k.Clock : 0;
            var q = BrokerParts.QueueCells(k, queue);
            q.Routed++;
            k.Emit(new KernelEvent(0, EventKind.MessageRouted, t, pc, queue.Id, exchange.Id, c.Body) { Count = (int)c.Key, Message = c.Id });
            if (AtMaxLength(queue, q))
            {
                if (BrokerParts.OverflowOf(queue) is var overflow and not OverflowMode.DropHead)
                {
                    var refused = c.Body;
                    q.Refused++;
                    refusedAny = true;
                    k.Emit(new KernelEvent(0, EventKind.MessageRefused, t, pc, queue.Id, -1, refused) { Count = BrokerParts.MaxLengthOf(queue), Message = c.Id });

                    // reject-publish refuses the copy outright; only reject-publish-dlx dead-letters it.
                    if (overflow == OverflowMode.RejectPublishDlx)
                    {
                        DeadLetters.EndOrDivert(k, t, pc, queue, copy, DeathReason.Maxlen);
                    }
                    else
                    {
                        c.Clear();
                    }

                    continue;
                }

                // More than one head goes when requeues left the queue over its length (see DropHeads).
                while (AtMaxLength(queue, q))
                {
                    DropHead(k, t, pc, queue, q, cells, afterRequeue: false);
                }
            }

            q.InsertReady(copy, cells, queue.MaxPriority);
        }

        // A queue that refused its copy (reject-publish, with or without a dead-letter) makes the confirm a nack.
        if (confirm)
        {
            Publishing.Confirm(k, t, pc, broker, from, published, ack: !refusedAny);
        }
    }

    /// <summary>
    /// RabbitMQ's rule for a dead letter whose last death was not a rejection: a queue it died in
    /// before, with no rejection since, does not get it (a dead-letter cycle). Keeps the other
    /// queues in order at the front of <paramref name="queues"/> and returns how many.
    /// </summary>
    private static int DropCycles(IKernelServices k, int t, int pc, MessageSlot message, ObjectInfo exchange, Span<int> queues)
    {
        var kept = 0;
        var history = message.History;
        for (var i = 0; i < queues.Length; i++)
        {
            if (!history.IsCycle(queues[i]))
            {
                queues[kept++] = queues[i];
                continue;
            }

            var died = history.Find(queues[i]);
            k.Emit(new KernelEvent(0, EventKind.DeadLetterCycle, t, pc, queues[i], exchange.Id, message.Body)
            {
                Count = (int)history.Reason(died) | (int)(history.CountOf(died) << 4),
                Message = message.Id,
            });
        }

        return kept;
    }

    /// <summary>The queues the exchange routes the key to, each once, into <paramref name="queues"/>; it remembers which bindings matched.</summary>
    private static int Match(IKernelServices k, ObjectInfo exchange, string key, Span<int> queues)
    {
        var type = BrokerParts.TypeOf(exchange);
        var count = 0;
        var matches = 0L;
        for (var i = 0; i < exchange.Bindings.Count; i++)
        {
            var b = exchange.Bindings[i];

            // A binding to a queue a restart lost went with it.
            if (Matches(type, b, key) && !BrokerParts.QueueCells(k, k.Program.Objects[b.Queue]).IsGone)
            {
                matches |= 1L << i;
                if (!queues[..count].Contains(b.Queue))
                {
                    queues[count++] = b.Queue;
                }
            }
        }

        var cells = new ExchangeCells(k.Cells(exchange.Id));
        cells.LastMatches = matches;
        return count;
    }

    /// <summary>
    /// What RabbitMQ's classic queue does after a requeue (nack, reject, a closed channel): the
    /// message goes back to its place even into a full queue, and then, with overflow drop-head,
    /// the heads are dropped (dead-lettered maxlen) until the queue is within its length again,
    /// which may drop the requeued message itself. With reject-publish (or -dlx) nothing is
    /// dropped: the queue stays over its length until consumers take enough, and refuses new
    /// copies meanwhile.
    /// </summary>
    public static void DropHeads(IKernelServices k, int t, int pc, ObjectInfo queue)
    {
        var q = BrokerParts.QueueCells(k, queue);
        var max = BrokerParts.MaxLengthOf(queue);
        if (max == 0 || BrokerParts.OverflowOf(queue) != OverflowMode.DropHead)
        {
            return;
        }

        var cells = BrokerParts.Cells(k, k.Program.Objects[BrokerParts.BrokerOf(queue)]);
        while (q.ReadyCount > max)
        {
            DropHead(k, t, pc, queue, q, cells, afterRequeue: true);
        }
    }

    private static void DropHead(IKernelServices k, int t, int pc, ObjectInfo queue, BrokerQueueCells q, BrokerCells cells, bool afterRequeue)
    {
        var headSlot = q.TakeHead();
        var (dropped, id) = (cells.Slot(headSlot).Body, cells.Slot(headSlot).Id);
        q.Dropped++;
        k.Emit(new KernelEvent(0, EventKind.MessageDroppedHead, t, pc, queue.Id, afterRequeue ? 1 : -1, dropped) { Count = BrokerParts.MaxLengthOf(queue), Message = id });
        DeadLetters.EndOrDivert(k, t, pc, queue, headSlot, DeathReason.Maxlen);
    }

    /// <summary>True when the queue has a maximum length and as many ready messages (unacknowledged ones do not count, as in RabbitMQ).</summary>
    private static bool AtMaxLength(ObjectInfo queue, BrokerQueueCells q) =>
        BrokerParts.MaxLengthOf(queue) is var max and > 0 && q.ReadyCount >= max;
}
