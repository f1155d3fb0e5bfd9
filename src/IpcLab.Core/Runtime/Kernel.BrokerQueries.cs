using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Objects.Exchange;

namespace IpcLab.Core.Runtime;

// Read-only questions about a broker and its exchanges and queues, for views and tests.
public sealed partial class Kernel
{
    /// <summary>True for a thread that idles as a daemon (a broker with nothing to do): it waits for nobody, and a run may end with it so.</summary>
    public bool IsIdleDaemon(int thread)
    {
        var obj = WaitObjectOf(thread);
        return obj >= 0 && ObjectModules.Of(Program.Objects[obj].Kind).IsIdleDaemon(this, Program.Objects[obj], thread);
    }

    /// <summary>
    /// True when the injected crash (of a thread or a process) is one of a broker (the AMQP broker, or
    /// a replicated topic's) that has crashed or restarted before in this run. Each crash counts in the broker's state, so a search that could
    /// crash it again after every restart would never end: the explorer crashes a broker once a run.
    /// </summary>
    public bool CrashesABrokerAgain(ScheduleEntry injection)
    {
        var replica = injection.Kind == ScheduleEntryKind.Crash ? Objects.Topic.ReplicaFailover.BrokerOfThread(Program, injection.Thread)
            : injection.Kind == ScheduleEntryKind.ProcessCrash ? Objects.Topic.ReplicaFailover.BrokerOfProcess(Program, injection.Thread)
            : null;
        if (replica is var (topic, r))
        {
            return Objects.Topic.ReplicaFailover.HasCrashed(this, topic, r);
        }

        var broker = injection.Kind == ScheduleEntryKind.Crash ? BrokerRestart.BrokerOfThread(this, injection.Thread)
            : injection.Kind == ScheduleEntryKind.ProcessCrash && BrokerRestart.IsBrokerProcess(this, injection.Thread) ? BrokerParts.Find(Program)
            : null;
        return broker is not null && BrokerParts.Cells(this, broker).Restarts > 0;
    }

    /// <summary>True when a broker exchange or queue (by object id) is gone: it was transient and a restart lost it.</summary>
    public bool BrokerObjectIsGone(int objectId) => TransientTopology.IsGone(this, Program.Objects[objectId]);

    /// <summary>True while a broker (by object id) is down: crashed, and not restarted yet by its own step.</summary>
    public bool BrokerIsDown(int brokerId) => BrokerParts.Cells(this, Program.Objects[brokerId]).IsDown;

    /// <summary>The messages published to a broker (by object id) and not routed yet, oldest first.</summary>
    public IReadOnlyList<BrokerMessageInfo> BrokerInbox(int brokerId)
    {
        var cells = BrokerParts.Cells(this, Program.Objects[brokerId]);
        var inbox = new BrokerMessageInfo[cells.InboxCount];
        for (var i = 0; i < inbox.Length; i++)
        {
            inbox[i] = InfoOf(cells.Slot(cells.Inbox(i)));
        }

        return inbox;
    }

    /// <summary>A broker's books: messages published, dropped as unroutable, returned to a mandatory publisher.</summary>
    public (long Published, long Unroutable, long Returned) BrokerBooks(int brokerId)
    {
        var cells = BrokerParts.Cells(this, Program.Objects[brokerId]);
        return (cells.Published, cells.Unroutable, cells.Returned);
    }

    /// <summary>A broker queue's ready messages, head first.</summary>
    /// <summary>How many times a broker restarted, and how many messages its inbox lost in those restarts.</summary>
    public (long Restarts, long InboxLost) BrokerRestarts(int brokerId)
    {
        var cells = BrokerParts.Cells(this, Program.Objects[brokerId]);
        return (cells.Restarts, cells.InboxLost);
    }

    public IReadOnlyList<BrokerMessageInfo> BrokerQueueReady(int queueId)
    {
        var queue = Program.Objects[queueId];
        var cells = BrokerParts.Cells(this, Program.Objects[BrokerParts.BrokerOf(queue)]);
        var q = BrokerParts.QueueCells(this, queue);
        var ready = new BrokerMessageInfo[q.ReadyCount];
        for (var i = 0; i < ready.Length; i++)
        {
            ready[i] = InfoOf(cells.Slot(q.Ready(i)));
        }

        return ready;
    }

    /// <summary>The threads that consume from a broker queue or hold messages of it, in thread order.</summary>
    public IReadOnlyList<ConsumerInfo> BrokerQueueConsumers(int queueId)
    {
        var queue = Program.Objects[queueId];
        var cells = BrokerParts.Cells(this, Program.Objects[BrokerParts.BrokerOf(queue)]);
        var q = BrokerParts.QueueCells(this, queue);
        var consumers = new List<ConsumerInfo>();
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var held = BrokerStateWriter.Held(cells, queueId, t);
            if (q.Mode(t) != ConsumerMode.None || held.Count > 0)
            {
                var infos = new BrokerMessageInfo[held.Count];
                for (var i = 0; i < infos.Length; i++)
                {
                    infos[i] = InfoOf(cells.Slot(held[i]));
                }

                consumers.Add(new ConsumerInfo(t, q.Mode(t), q.Prefetch(t), infos));
            }
        }

        return consumers;
    }

    /// <summary>A broker queue's books: copies routed into it, acknowledged, discarded by nack or reject, lost at an autoack consumer.</summary>
    public (long Routed, long Acked, long Discarded, long Lost) BrokerQueueBooks(int queueId)
    {
        var q = BrokerParts.QueueCells(this, Program.Objects[queueId]);
        return (q.Routed, q.Acked, q.Discarded, q.Lost);
    }

    /// <summary>A broker queue's maximum length (0: none) and overflow, and how many copies it dropped from the head or refused at that length.</summary>
    public (int MaxLength, OverflowMode Overflow, long Dropped, long Refused) BrokerQueueLimits(int queueId)
    {
        var queue = Program.Objects[queueId];
        var q = BrokerParts.QueueCells(this, queue);
        return (BrokerParts.MaxLengthOf(queue), BrokerParts.OverflowOf(queue), q.Dropped, q.Refused);
    }

    /// <summary>A broker queue's message TTL in steps (0: none), and how many messages expired at its head.</summary>
    public (int Ttl, long Expired) BrokerQueueTtl(int queueId)
    {
        var queue = Program.Objects[queueId];
        return (BrokerParts.TtlOf(queue), BrokerParts.QueueCells(this, queue).Expired);
    }

    /// <summary>An exchange's books: messages routed, messages no binding matched, and the bindings (bit i for binding i) that matched the last one.</summary>
    public (long Routed, long Unroutable, long LastMatches) ExchangeBooks(int exchangeId)
    {
        var x = new ExchangeCells(((IKernelServices)this).Cells(exchangeId));
        return (x.Routed, x.Unroutable, x.LastMatches);
    }

    /// <summary>How many of a queue's messages passed its delivery limit (taken out as poison messages).</summary>
    public long BrokerQueuePoisoned(int queueId) => BrokerParts.QueueCells(this, Program.Objects[queueId]).Poisoned;

    private BrokerMessageInfo InfoOf(MessageSlot m) =>
        new(Strings[m.Body], Strings[m.Key], m.Place, m.At, m.Publisher, m.Consumer, m.Tag, m.Deliveries, m.Flags, m.EnqueuedAt)
        {
            LastDeath = m.LastDeath,
            Deaths = m.Deaths,
            Ttl = m.Place is MessagePlace.Ready or MessagePlace.Pushed or MessagePlace.Unacked ? BrokerParts.TtlOf(Program.Objects[m.At], m) : m.Ttl,
            History = HistoryOf(m.History),
            PublishedTo = m.Exchange,
            Priority = m.Priority,
            Id = m.Id,
        };

    private DeathEntry[] HistoryOf(DeathHistory history)
    {
        var entries = new DeathEntry[history.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new DeathEntry(history.Queue(i), history.Reason(i), history.CountOf(i), history.Exchange(i), Strings[history.Key(i)]);
        }

        return entries;
    }
}
