using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The broker crashes and restarts. <c>restart rabbit</c> does both in one step: the broker is never
/// seen down. <c>crash rabbit</c>, or an injected crash of the broker's process or thread, does the
/// crash alone: the broker is down (<see cref="BrokerCells.IsDown"/>) until its own thread's next
/// step restarts it (<see cref="Recover"/>), a step the scheduler chooses like any other, so clients
/// act while it is down: a publish fails (connection refused), a get fails, a receive waits, a
/// settlement is dropped by the client (its channel is closed).
///
/// What RabbitMQ keeps on disk comes back: the persistent messages of durable queues, ready ones in
/// their order and unacknowledged ones back in their place, marked redelivered. Everything else that
/// lived in its memory is gone at the crash, each copy with an event saying why: the inbox
/// (published, not routed yet), transient queues' messages, non-persistent messages, and what
/// autoack consumers had been pushed but not taken. So are the transient exchanges and queues
/// themselves, with their bindings (see <see cref="TransientTopology"/>).
///
/// Every client connection is closed by the crash. The clients recover as RabbitMQ's Java and .NET
/// clients do with automatic recovery (their default): once the broker is back they reconnect, open a
/// new channel, redeclare their topology and register their consumers again. The new channel keeps
/// counting delivery tags after the old one, and the client drops an ack, nack or reject of a tag
/// from the old channel instead of sending it (see <see cref="BrokerCells.StaleTags"/>). A publisher
/// waiting for a confirm of a message the crash lost never gets it, and publishes it again once the
/// broker is up.
/// </summary>
internal static class BrokerRestart
{
    /// <summary>Marks a <see cref="EventKind.MessageRecovered"/> event's Count (the delivery tag) when a crash took the delivery back, not a restart.</summary>
    public const int CrashMark = 1 << 24;

    /// <summary>True when <paramref name="process"/> is the process of the program's broker.</summary>
    public static bool IsBrokerProcess(IKernelServices k, int process) =>
        BrokerParts.Find(k.Program) is { } broker && k.ProcessOf(BrokerParts.ThreadOf(k.Program, broker)) == process;

    /// <summary>The broker whose own thread <paramref name="thread"/> is, or null.</summary>
    public static ObjectInfo? BrokerOfThread(IKernelServices k, int thread) =>
        BrokerParts.Find(k.Program) is { } broker && BrokerParts.ThreadOf(k.Program, broker) == thread ? broker : null;

    /// <summary>Why the broker cannot be crashed now (it is down already), or null.</summary>
    public static string? WhyCannotCrash(IKernelServices k, ObjectInfo broker) =>
        BrokerParts.Cells(k, broker).IsDown ? $"{broker.Name} is down already: its own next step restarts it" : null;

    /// <summary><c>restart rabbit</c>: the crash and the recovery in one step.</summary>
    /// <param name="actor">The thread whose <c>restart</c> did it.</param>
    public static void Restart(IKernelServices k, int actor, int pc, ObjectInfo broker)
    {
        k.Emit(EventKind.BrokerRestarted, actor, pc, broker.Id);
        var (lost, kept) = LoseMemory(k, actor, pc, broker, crash: false);
        TransientTopology.Lose(k, actor, pc, broker, mark: 0);
        BrokerParts.Cells(k, broker).IsDown = false;
        k.Emit(new KernelEvent(0, EventKind.BrokerRecovered, actor, pc, broker.Id, lost, kept));

        // The clients recover after the event that says so; a consumer of a lost queue fails then
        // (the acting thread too, when it consumed one: its step ends there).
        TransientTopology.FailLostConsumers(k, broker);
    }

    /// <summary>The broker crashes and stays down until its own thread restarts it.</summary>
    /// <param name="actor">The thread whose <c>crash</c> did it, or -1 when injected.</param>
    public static void Crash(IKernelServices k, int actor, int pc, ObjectInfo broker)
    {
        k.Emit(EventKind.BrokerCrashed, actor, pc, broker.Id);
        var (lost, kept) = LoseMemory(k, actor, pc, broker, crash: true);
        TransientTopology.Lose(k, actor, pc, broker, mark: 1);
        BrokerParts.Cells(k, broker).IsDown = true;
        k.Emit(new KernelEvent(0, EventKind.BrokerWentDown, actor, pc, broker.Id, lost, kept));
    }

    /// <summary>The broker's own step while it is down: it restarts, with what its durable queues kept on disk, and the clients' connections recover.</summary>
    public static void Recover(IKernelServices k, int self, int pc, ObjectInfo broker)
    {
        BrokerParts.Cells(k, broker).IsDown = false;
        var ready = 0;
        foreach (var queue in k.Program.Objects)
        {
            if (queue.Kind == ObjectKind.BrokerQueue && BrokerParts.BrokerOf(queue) == broker.Id)
            {
                ready += BrokerParts.QueueCells(k, queue).ReadyCount;
            }
        }

        k.Emit(new KernelEvent(0, EventKind.BrokerBackUp, self, pc, broker.Id, -1, ready));
        TransientTopology.FailLostConsumers(k, broker);

        // Every publisher that waited for it to come back publishes again (one that still finds no
        // room blocks again, for room this time).
        for (var publisher = 0; publisher < k.Program.Threads.Count; publisher++)
        {
            if (publisher != self && k.WaitObjectOf(publisher) == broker.Id)
            {
                k.Wake(publisher);
                var consumes = k.Program.Threads[publisher].Code[k.PcOf(publisher)].Op == OpCode.Consume;
                k.Emit(EventKind.PublisherWoken, publisher, k.PcOf(publisher), broker.Id, value: consumes ? 2 : 1);
            }
        }
    }

    /// <summary>Everything the broker held in memory is gone, each copy with an event; what was on disk stays in its queue. Returns the copies lost and kept.</summary>
    private static (int Lost, int Kept) LoseMemory(IKernelServices k, int actor, int pc, ObjectInfo broker, bool crash)
    {
        var cells = BrokerParts.Cells(k, broker);
        cells.Restarts++;
        var mark = crash ? 1 : 0;
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
            k.Emit(new KernelEvent(0, EventKind.MessageLostInRestart, actor, pc, exchange, (int)RestartLoss.InFlight, body) { Count = mark, Message = id });
            if (confirm && !k.HasEnded(publisher) && k.WaitObjectOf(publisher) == broker.Id)
            {
                // Its confirm never comes: the publisher publishes it again (its pending publish runs
                // again), at once after a restart; after a crash it stays blocked on the broker, which
                // wakes it once it is back up (see Publishing.WouldFit).
                if (!crash)
                {
                    k.Wake(publisher);
                }

                k.Emit(new KernelEvent(0, EventKind.PublishUnconfirmed, publisher, k.PcOf(publisher), broker.Id, -1, body) { Count = mark, Message = id });
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

                Lose(k, actor, pc, queue, q, cells, q.TakeAt(i), Why(queue), mark);
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
                    Lose(k, actor, pc, queue, q, cells, s, RestartLoss.AutoackBuffer, mark);
                    lost++;
                }
                else if (!Survives(queue, message))
                {
                    Lose(k, actor, pc, queue, q, cells, s, Why(queue), mark);
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
                    k.Emit(new KernelEvent(0, EventKind.MessageRecovered, actor, pc, queue.Id, t, message.Body) { Count = (int)tag | (crash ? CrashMark : 0), Message = message.Id });
                }
            }

            cells.StaleTags(t) = cells.LastTag(t);
        }

        return (lost, kept);
    }

    /// <summary>A copy survives when it is persistent and in a durable queue: only those are on disk.</summary>
    private static bool Survives(ObjectInfo queue, MessageSlot message) =>
        BrokerParts.IsDurable(queue) && (message.Flags & PublishFlags.Persistent) != 0;

    private static RestartLoss Why(ObjectInfo queue) => BrokerParts.IsDurable(queue) ? RestartLoss.NotPersistent : RestartLoss.TransientQueue;

    /// <summary>The copy in <paramref name="slot"/>, out of every list, ends as lost in its queue's books.</summary>
    private static void Lose(IKernelServices k, int actor, int pc, ObjectInfo queue, BrokerQueueCells q, BrokerCells cells, int slot, RestartLoss why, int mark)
    {
        var message = cells.Slot(slot);
        var (body, id) = (message.Body, message.Id);
        message.Clear();
        q.Lost++;
        k.Emit(new KernelEvent(0, EventKind.MessageLostInRestart, actor, pc, queue.Id, (int)why, body) { Count = mark, Message = id });
    }
}
