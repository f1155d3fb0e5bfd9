using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Objects.Exchange;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The one spelling of the broker's objects' logical state: the broker writes its inbox and its
/// books, each queue its ready messages in order, its consumers and what each holds (by delivery
/// tag), each exchange what it routed and which bindings matched last. Every message is written
/// whole wherever it is, so no field of a used slot is left out; which slot holds it is not written
/// (the slots are the broker's memory, not something a learner could tell apart).
/// </summary>
internal static class BrokerStateWriter
{
    public static void Write(IKernelServices k, ObjectInfo broker, StateWriter w)
    {
        var cells = BrokerParts.Cells(k, broker);
        w.Label("published");
        w.Int(cells.Published);
        w.Label("unroutable");
        w.Int(cells.Unroutable);
        w.Label("returned");
        w.Int(cells.Returned);
        w.Label("seq");
        w.Int(cells.LastSeq);
        w.Label("dead-lettered");
        w.Int(cells.DeadLettered);
        if (cells.CycleDropped > 0)
        {
            w.Label("dropped as cycles");
            w.Int(cells.CycleDropped);
        }

        // Written only once the broker has restarted: before that they are all zero.
        if (cells.Restarts > 0)
        {
            w.Label("down");
            w.Int(cells.DownCell);
            w.Label("restarts");
            w.Int(cells.Restarts);
            w.Label("lost from the inbox");
            w.Int(cells.InboxLost);
            w.Label("stale tags");
            w.BeginList(k.Program.Threads.Count);
            for (var t = 0; t < k.Program.Threads.Count; t++)
            {
                w.Int(cells.StaleTags(t));
            }

            w.EndList();
        }

        w.Label("inbox");
        w.BeginList(cells.InboxCount);
        for (var i = 0; i < cells.InboxCount; i++)
        {
            Message(k, w, cells.Slot(cells.Inbox(i)));
        }

        w.EndList();
        w.Label("tags");
        w.BeginList(k.Program.Threads.Count);
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            w.Int(cells.LastTag(t));
        }

        w.EndList();
    }

    public static void WriteQueue(IKernelServices k, ObjectInfo queue, StateWriter w)
    {
        var cells = BrokerParts.Cells(k, k.Program.Objects[BrokerParts.BrokerOf(queue)]);
        var q = BrokerParts.QueueCells(k, queue);

        // Written only once a restart lost it: before that it is 0 for every queue.
        if (q.IsGone)
        {
            w.Label("gone");
            w.Int(q.GoneCell);
        }

        w.Label("routed");
        w.Int(q.Routed);
        w.Label("acked");
        w.Int(q.Acked);
        w.Label("discarded");
        w.Int(q.Discarded);
        w.Label("lost");
        w.Int(q.Lost);
        w.Label("dropped");
        w.Int(q.Dropped);
        w.Label("refused");
        w.Int(q.Refused);
        w.Label("expired");
        w.Int(q.Expired);
        w.Label("poisoned");
        w.Int(q.Poisoned);
        w.Label("last served");
        w.Thread(q.LastServed);
        w.Label("ready");
        w.BeginList(q.ReadyCount);
        for (var i = 0; i < q.ReadyCount; i++)
        {
            Message(k, w, cells.Slot(q.Ready(i)));
        }

        w.EndList();
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            w.Label($"consumer {k.ThreadName(t)}");
            w.Int((long)q.Mode(t));
            w.Int(q.Prefetch(t));
            w.Int(q.Outstanding(t));
            var held = Held(cells, queue.Id, t);
            w.BeginList(held.Count);
            foreach (var slot in held)
            {
                Message(k, w, cells.Slot(slot));
            }

            w.EndList();
        }
    }

    public static void WriteExchange(IKernelServices k, ObjectInfo exchange, StateWriter w)
    {
        var x = new ExchangeCells(k.Cells(exchange.Id));
        if (x.IsGone)
        {
            w.Label("gone");
            w.Int(x.GoneCell);
        }

        w.Label("routed");
        w.Int(x.Routed);
        w.Label("unroutable");
        w.Int(x.Unroutable);
        w.Label("last matches");
        w.Int(x.LastMatches);
    }

    /// <summary>The slots a thread holds from a queue (pushed or unacknowledged), by delivery tag.</summary>
    public static List<int> Held(BrokerCells cells, int queue, int thread)
    {
        var held = new List<int>();
        for (var s = 0; s < cells.Capacity; s++)
        {
            var m = cells.Slot(s);
            if (m.Place is MessagePlace.Pushed or MessagePlace.Unacked && m.At == queue && m.Consumer == thread)
            {
                held.Add(s);
            }
        }

        var tags = new long[held.Count];
        for (var i = 0; i < held.Count; i++)
        {
            tags[i] = cells.Slot(held[i]).Tag;
        }

        var sorted = held.ToArray();
        Array.Sort(tags, sorted);
        return [.. sorted];
    }

    private static void Message(IKernelServices k, StateWriter w, MessageSlot m)
    {
        w.Int((long)m.Place);
        w.Int(m.At);
        w.Str(m.Body);
        w.Str(m.Key);
        w.Thread(m.Publisher);
        w.Int(m.Seq);
        w.Thread(m.Consumer);
        w.Int(m.Tag);
        w.Int(m.Deliveries);
        w.Int((long)m.Flags);
        // When it entered its queue counts from now, as the deadlines of timed waits do: the clock
        // is not part of the state, so an absolute time would make two states with the same TTL
        // left differ, and two with different TTL left (at different clocks) look the same.
        w.Int(BrokerParts.CountsTtl(k, m) ? m.EnqueuedAt - k.Clock : 0);
        w.Int(m.Ttl);
        w.Int(m.Exchange);
        w.Int(m.Priority);
        w.Int(m.Id);

        // The death history, newest first: queue, reason, count, and the exchange and key of the
        // entry's first death (RabbitMQ's x-death).
        var history = m.History;
        w.BeginList(history.Count);
        for (var i = 0; i < history.Count; i++)
        {
            w.Int(history.Queue(i));
            w.Int((long)history.Reason(i));
            w.Int(history.CountOf(i));
            w.Int(history.Exchange(i));
            w.Str(history.Key(i));
        }

        w.EndList();
    }
}
