using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Objects.Exchange;
using static IpcLab.Core.Objects.ObjectModule;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// What must hold for a broker and its exchanges and queues after every step: every copy of every
/// published message is in exactly one place (the inbox, ready in one queue, held by one consumer)
/// or was counted as ended with a reason, and no consumer holds more than its prefetch.
/// </summary>
internal static class BrokerInvariants
{
    public static void Assert(IKernelServices k, ObjectInfo broker)
    {
        var cells = BrokerParts.Cells(k, broker);
        var threads = k.Program.Threads.Count;
        var seen = new bool[cells.Capacity];
        Require(cells.InboxCount >= 0 && cells.InboxCount <= cells.Capacity, $"{broker.Name}'s inbox holds {cells.InboxCount}");
        for (var i = 0; i < cells.InboxCount; i++)
        {
            var s = cells.Inbox(i);
            Require(s >= 0 && s < cells.Capacity && !seen[s], $"{broker.Name}'s inbox entry {i} is slot {s}, out of range or twice");
            seen[s] = true;
            var m = cells.Slot(s);
            Require(m.Place == MessagePlace.Inbox && IsExchange(k, m.At, broker) && !new ExchangeCells(k.Cells(m.At)).IsGone && m.Seq == 0 && m.EnqueuedAt == 0 && m.Consumer == -1 && m.Tag == 0 && m.Deliveries == 0,
                $"{broker.Name}'s inbox entry {i} (slot {s}) is not a message waiting to be routed");
            Require(m.Publisher >= 0 && m.Publisher < threads && (m.Flags & PublishFlags.Fetched) == 0, $"slot {s} has publisher {m.Publisher}, flags {m.Flags}");
        }

        for (var i = cells.InboxCount; i < cells.Capacity; i++)
        {
            Require(cells.Inbox(i) == 0, $"{broker.Name}'s free inbox entry {i} is not zero");
        }

        long routedCopies = 0, ended = 0, exchangeRouted = 0, exchangeUnroutable = 0;
        foreach (var o in k.Program.Objects)
        {
            if (o.Kind == ObjectKind.Exchange && BrokerParts.BrokerOf(o) == broker.Id)
            {
                var x = new ExchangeCells(k.Cells(o.Id));
                Require(x.Routed >= 0 && x.Unroutable >= 0 && x.LastMatches >= 0 && x.LastMatches < 1L << o.Bindings.Count, $"{o.Name}'s books are {x.Routed}, {x.Unroutable}, {x.LastMatches}");

                // Only a restart loses an exchange, and only a transient one (the default exchange is durable).
                Require(x.GoneCell is 0 or 1 && (!x.IsGone || (cells.Restarts > 0 && !BrokerParts.IsDurable(o) && x.LastMatches == 0)),
                    $"{o.Name} is gone ({x.GoneCell}) after {cells.Restarts} restarts, durable {BrokerParts.IsDurable(o)}, last matches {x.LastMatches}");
                exchangeRouted += x.Routed;
                exchangeUnroutable += x.Unroutable;
            }
            else if (o.Kind == ObjectKind.BrokerQueue && BrokerParts.BrokerOf(o) == broker.Id)
            {
                AssertQueue(k, cells, o, seen);
                var q = BrokerParts.QueueCells(k, o);
                routedCopies += q.Routed;
                ended += q.Acked + q.Discarded + q.Lost + q.Dropped + q.Refused + q.Expired + q.Poisoned;
            }
        }

        var held = 0L;
        var ready = 0L;
        for (var s = 0; s < cells.Capacity; s++)
        {
            var m = cells.Slot(s);
            Require(!m.IsFree || m.IsZero(), $"{broker.Name}'s free slot {s} is not zero");
            Require(m.IsFree || seen[s] || m.Place is MessagePlace.Pushed or MessagePlace.Unacked, $"slot {s} ({m.Place}) is in no list");
            if (m.Place is MessagePlace.Pushed or MessagePlace.Unacked)
            {
                AssertHeld(k, cells, s, threads);
                held++;
            }
            else if (m.Place == MessagePlace.Ready)
            {
                ready++;
            }

            Require(m.Place is >= MessagePlace.Free and <= MessagePlace.Unacked, $"slot {s} is at place {m.Place}");

            // Every dead-lettered message carries its reason: its history is one entry per
            // (queue, reason), each counted, and the exchange it was published to is one of the broker's.
            Require(m.History.IsWellFormed(q => IsQueue(k, q, broker), x => IsExchange(k, x, broker)), $"slot {s}'s death history is malformed");
            Require(m.IsFree || IsExchange(k, m.Exchange, broker), $"slot {s} was published to {m.Exchange}, not an exchange");
            Require(m.Priority is >= 0 and <= 255, $"slot {s} has priority {m.Priority}");
            Require(m.IsFree || m.EnqueuedAt <= k.Clock, $"slot {s} entered its queue at {m.EnqueuedAt}, after the clock {k.Clock}");

            // The state spells the time in the queue only where a TTL counts it, so elsewhere it must be 0.
            Require(m.IsFree || m.EnqueuedAt == 0 || BrokerParts.CountsTtl(k, m), $"slot {s} has a time in its queue ({m.EnqueuedAt}) but no TTL applies to it");
            Require(m.IsFree || (k.IsValue(ValueKind.Str, m.Body) && k.IsValue(ValueKind.Str, m.Key) && m.Publisher < threads
                && (m.Flags & ~(PublishFlags.Mandatory | PublishFlags.Persistent | PublishFlags.Fetched | PublishFlags.Confirm | PublishFlags.AutoAcked)) == 0
                && ((m.Flags & PublishFlags.AutoAcked) == 0 || m.Place == MessagePlace.Pushed)
                && ((m.Flags & PublishFlags.Confirm) == 0 || m.Place == MessagePlace.Inbox)),
                $"slot {s} holds body {m.Body}, key {m.Key}, publisher {m.Publisher}, flags {m.Flags}");
        }

        // Conservation: every copy routed into a queue is ready, held, or ended with a reason; every
        // message published is in the inbox or went through its exchange, routed or not.
        Require(routedCopies == ready + held + ended, $"{routedCopies} copies were routed but {ready} are ready, {held} held and {ended} ended");
        // A dead letter enters the inbox a second time, after its copy was counted as ended in its queue.
        // A restart empties the inbox: what it held is counted as lost there.
        // A dead letter that every queue refused as a dead-letter cycle is gone whole.
        Require(cells.DeadLettered >= 0 && cells.InboxLost >= 0 && cells.CycleDropped >= 0 && cells.CycleDropped <= cells.DeadLettered
            && cells.Published + cells.DeadLettered == cells.InboxCount + exchangeRouted + exchangeUnroutable + cells.InboxLost + cells.CycleDropped,
            $"{cells.Published} published and {cells.DeadLettered} dead-lettered but {cells.InboxCount} wait in the inbox, {exchangeRouted} were routed, {exchangeUnroutable} were not, {cells.InboxLost} were lost in restarts and {cells.CycleDropped} dropped as cycles");
        // A broker that is down holds nothing in memory: its crash emptied the inbox and took back
        // every delivery, and no publish, get or push happens until its restart.
        Require(cells.DownCell is 0 or 1 && (!cells.IsDown || (cells.Restarts > 0 && cells.InboxCount == 0 && held == 0)),
            $"{broker.Name} is down after {cells.Restarts} crashes but holds {cells.InboxCount} in its inbox and {held} at consumers");
        Require(cells.Restarts >= 0 && (cells.Restarts > 0 || cells.InboxLost == 0), $"{broker.Name} restarted {cells.Restarts} times and lost {cells.InboxLost} from its inbox");
        Require(exchangeUnroutable == cells.Unroutable + cells.Returned && cells.Unroutable >= 0 && cells.Returned >= 0,
            $"{exchangeUnroutable} unroutable at the exchanges but {cells.Unroutable} dropped and {cells.Returned} returned");
        Require(cells.LastSeq >= 0, $"{broker.Name}'s sequence is {cells.LastSeq}");
        for (var t = 0; t < threads; t++)
        {
            Require(cells.LastTag(t) >= 0, $"{k.ThreadName(t)}'s last delivery tag is {cells.LastTag(t)}");
            Require(cells.StaleTags(t) >= 0 && cells.StaleTags(t) <= cells.LastTag(t) && (cells.Restarts > 0 || cells.StaleTags(t) == 0),
                $"{k.ThreadName(t)}'s stale tags go up to {cells.StaleTags(t)}, its last tag is {cells.LastTag(t)}");
        }
    }

    private static void AssertQueue(IKernelServices k, BrokerCells cells, ObjectInfo queue, bool[] seen)
    {
        var q = BrokerParts.QueueCells(k, queue);
        Require(q.ReadyCount >= 0 && q.ReadyCount <= cells.Capacity && q.FreeEntriesAreZero(), $"{queue.Name}'s ready list is malformed");

        // A queue a restart lost held only transient copies, all lost with it, and gets none again;
        // its consumers are failed when the clients recover, so only a broker still down keeps them.
        Require(q.GoneCell is 0 or 1 && (!q.IsGone || (cells.Restarts > 0 && !BrokerParts.IsDurable(queue) && q.ReadyCount == 0)),
            $"{queue.Name} is gone ({q.GoneCell}) after {cells.Restarts} restarts, durable {BrokerParts.IsDurable(queue)}, with {q.ReadyCount} ready");
        Require(q.Routed >= 0 && q.Acked >= 0 && q.Discarded >= 0 && q.Lost >= 0 && q.Dropped >= 0 && q.Refused >= 0 && q.Expired >= 0 && q.Poisoned >= 0, $"{queue.Name}'s books are negative");
        Require(q.LastServed >= -1 && q.LastServed < k.Program.Threads.Count, $"{queue.Name} last served {q.LastServed}");
        var requeued = 0;
        for (var i = 0; i < q.ReadyCount; i++)
        {
            var s = q.Ready(i);
            Require(s >= 0 && s < cells.Capacity && !seen[s], $"{queue.Name}'s ready entry {i} is slot {s}, out of range or twice");
            seen[s] = true;
            var m = cells.Slot(s);

            // Queue order: strict priority, then the sequence within a level.
            Require(m.Place == MessagePlace.Ready && m.At == queue.Id && m.Consumer == -1 && m.Tag == 0 && m.Seq >= 1 && m.Seq <= cells.LastSeq
                && (i == 0 || BrokerQueueCells.Before(cells.Slot(q.Ready(i - 1)), m, queue.MaxPriority)),
                $"{queue.Name}'s ready entry {i} (slot {s}) is not a ready message of it in order");
            Require(m.Publisher >= 0 && m.Deliveries >= 0 && (m.Flags & PublishFlags.Fetched) == 0, $"slot {s} has publisher {m.Publisher}, {m.Deliveries} deliveries, flags {m.Flags}");
            requeued += m.Deliveries > 0 ? 1 : 0;
        }

        // Only a requeue (or a restart's recovery) puts a queue over its length, and with overflow
        // drop-head a requeue drops heads until it is within it again; a new copy never does.
        var max = BrokerParts.MaxLengthOf(queue);
        Require(max == 0 || q.ReadyCount <= max || q.ReadyCount - max <= requeued, $"{queue.Name} holds {q.ReadyCount} ready ({requeued} requeued), over its maximum length {max}");

        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var mode = q.Mode(t);
            var window = 0;
            for (var s = 0; s < cells.Capacity; s++)
            {
                var m = cells.Slot(s);
                window += m.Place is MessagePlace.Pushed or MessagePlace.Unacked && m.At == queue.Id && m.Consumer == t && (m.Flags & PublishFlags.Fetched) == 0 ? 1 : 0;
            }

            Require(mode is >= ConsumerMode.None and <= ConsumerMode.Cancelled && q.Prefetch(t) >= 0 && (mode == ConsumerMode.ManualAck || q.Prefetch(t) == 0),
                $"{k.ThreadName(t)} consumes {queue.Name} as {mode} with prefetch {q.Prefetch(t)}");
            Require(q.Outstanding(t) == window, $"{k.ThreadName(t)} is counted holding {q.Outstanding(t)} from {queue.Name} but holds {window}");
            Require(mode != ConsumerMode.None || window == 0, $"{k.ThreadName(t)} holds {window} pushed from {queue.Name} but does not consume it");

            // The prefetch window: never more unacknowledged pushed deliveries than the prefetch.
            Require(mode != ConsumerMode.ManualAck || q.Prefetch(t) == 0 || window <= q.Prefetch(t),
                $"{k.ThreadName(t)} holds {window} unacknowledged from {queue.Name}, over its prefetch {q.Prefetch(t)}");
            Require(mode == ConsumerMode.None || !k.HasEnded(t), $"{k.ThreadName(t)} ended but still consumes {queue.Name}");
            Require(!q.IsGone || (window == 0 && (cells.IsDown || mode == ConsumerMode.None)),
                $"{k.ThreadName(t)} holds {window} from {queue.Name}, gone, and consumes it as {mode} with the broker up");
        }
    }

    private static void AssertHeld(IKernelServices k, BrokerCells cells, int s, int threads)
    {
        var m = cells.Slot(s);
        var c = m.Consumer;
        Require(c >= 0 && c < threads && !k.HasEnded(c), $"slot {s} is held by {c}, not a live thread");
        Require(m.At >= 0 && m.At < k.Program.Objects.Count && k.Program.Objects[m.At].Kind == ObjectKind.BrokerQueue, $"slot {s} is held from {m.At}, not a queue");
        Require(m.Tag >= 1 && m.Tag <= cells.LastTag(c) && m.Deliveries >= 1 && m.Seq >= 1 && m.Seq <= cells.LastSeq && m.Publisher >= 0,
            $"slot {s} held by {k.ThreadName(c)} has tag {m.Tag}, {m.Deliveries} deliveries, seq {m.Seq}");
        // A restart took back everything held on the channels it closed.
        Require(m.Tag > cells.StaleTags(c), $"slot {s} is held by {k.ThreadName(c)} with tag {m.Tag}, from a channel a restart closed");
        var fetched = (m.Flags & PublishFlags.Fetched) != 0;
        Require(!fetched || m.Place == MessagePlace.Unacked, $"slot {s} was fetched by get but is {m.Place}");
        var mode = BrokerParts.QueueCells(k, k.Program.Objects[m.At]).Mode(c);
        Require(fetched || mode != ConsumerMode.AutoAck || (m.Flags & PublishFlags.AutoAcked) != 0, $"slot {s} is held by autoack consumer {k.ThreadName(c)} but not marked autoacked");
        for (var other = 0; other < cells.Capacity; other++)
        {
            var o = cells.Slot(other);
            Require(other == s || o.Consumer != c || o.Tag != m.Tag || o.IsFree || o.Place is not (MessagePlace.Pushed or MessagePlace.Unacked),
                $"{k.ThreadName(c)} holds delivery tag {m.Tag} twice");
        }
    }

    private static bool IsQueue(IKernelServices k, int id, ObjectInfo broker) =>
        id >= 0 && id < k.Program.Objects.Count && k.Program.Objects[id].Kind == ObjectKind.BrokerQueue && BrokerParts.BrokerOf(k.Program.Objects[id]) == broker.Id;

    private static bool IsExchange(IKernelServices k, int id, ObjectInfo broker) =>
        id >= 0 && id < k.Program.Objects.Count && k.Program.Objects[id].Kind == ObjectKind.Exchange && BrokerParts.BrokerOf(k.Program.Objects[id]) == broker.Id;
}
