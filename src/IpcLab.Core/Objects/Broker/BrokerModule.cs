using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// An AMQP-style message broker (RabbitMQ's model): <c>broker rabbit capacity 16</c> declares it
/// and the process it runs in. The broker is a process of its own with one thread, named as the
/// broker, whose every step is one action of the broker: route the oldest published message
/// through its exchange (<see cref="Routing"/>), else drop a head whose TTL passed
/// (<see cref="Expiry"/>), else push the oldest deliverable ready message to a consumer whose
/// prefetch window is open (<see cref="Delivery"/>). The scheduler interleaves
/// these steps with the clients', so a message is seen in the inbox, then ready in its queue,
/// then pushed, then taken and acknowledged, each hop a step of its own.
///
/// When it has nothing to do the broker's thread idles: it is blocked on the broker, an idle daemon
/// that waits for nobody (the wait-for graph leaves it out, so an idle broker is never a deadlock and
/// never keeps a run from ending). At the end of every step (the clock tick) an idle broker with
/// work becomes ready, and a ready one without work idles; publishers blocked for room are woken
/// when there is room again and publish again. The schedule stays a list of thread choices: the
/// broker's steps are the choices of its thread. Capacity is the broker's memory: how many copies
/// of messages it holds at once, in its inbox, its queues and at its consumers.
/// </summary>
internal sealed class BrokerModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.Broker;

    public override string DeclarationWord => "broker";

    public override string KindWord => "broker";

    /// <summary><c>broker rabbit capacity 16</c></summary>
    internal override ObjectInfo Declare(Declaration d) =>
        d.Object(Kind, d.Capacity("broker", "a broker", []), 0, ValueKind.Str);

    public override IReadOnlyList<string> Functions { get; } = ["published", "unroutable", "returned", "restarts", "inflightlost", "cycled"];

    internal override CExpr Function(string name, ObjectInfo o) => new BrokerFuncExpr(name, o.Id, o.Capacity, BrokerParts.DeathEntriesOf(o));

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.BrokerWork),
        new(OpCode.BrokerPublish, "publish"),
        new(OpCode.BrokerRestart, "restart"),
        new(OpCode.BrokerCrash, "crash"),
    ];

    public override IReadOnlyList<EventSpec> Events { get; } = [.. BrokerSentences.Specs, .. RestartSentences.Specs, .. DowntimeSentences.Specs];

    public override int CellCount(CompiledProgram program, ObjectInfo o) => BrokerCells.CellsFor(o.Capacity, program.Threads.Count, BrokerParts.DeathEntriesOf(o));

    internal override bool UsesClock => true;

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        if (instr.Op == OpCode.BrokerPublish)
        {
            Publishing.Publish(k, t, pc, instr);
            return;
        }

        if (instr.Op == OpCode.BrokerRestart)
        {
            BrokerRestart.Restart(k, t, pc, k.Program.Objects[instr.A]);

            // A thread that consumed a queue the restart lost has faulted in its own step.
            if (!k.HasEnded(t))
            {
                k.MoveTo(t, instr.Next);
            }

            return;
        }

        if (instr.Op == OpCode.BrokerCrash)
        {
            var target = k.Program.Objects[instr.A];
            if (BrokerRestart.WhyCannotCrash(k, target) is { } why)
            {
                throw new ThreadFaultException($"crashes {target.Name}, but {why}");
            }

            BrokerRestart.Crash(k, t, pc, target);
            k.MoveTo(t, instr.Next);
            return;
        }

        var broker = k.Program.Objects[instr.A];
        if (BrokerParts.Cells(k, broker).IsDown)
        {
            BrokerRestart.Recover(k, t, pc, broker);
        }
        else if (BrokerParts.Cells(k, broker).InboxCount > 0)
        {
            Routing.RouteOldest(k, t, pc, broker);
        }
        else if (Expiry.ExpiredQueue(k, broker) is { } expired)
        {
            Expiry.ExpireHead(k, t, pc, expired);
        }
        else if (Delivery.NextQueue(k, broker) is { } queue)
        {
            Delivery.PushOldest(k, t, pc, broker, queue);
        }
        else
        {
            Idle(k, t, pc, broker);
            return;
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary>Wakes an idle broker that has work, idles a ready one that has none, wakes publishers that fit now.</summary>
    internal override void OnClockTick(IKernelServices k)
    {
        if (BrokerParts.Find(k.Program) is not { } broker)
        {
            return;
        }

        var self = BrokerParts.ThreadOf(k.Program, broker);
        var status = k.StatusOf(self);
        if (status == ThreadStatus.Blocked && HasWork(k, broker))
        {
            k.Wake(self);
            k.Emit(EventKind.BrokerWoken, self, -1, broker.Id, value: WorkKind(k, broker));
        }
        else if (status == ThreadStatus.Ready && !HasWork(k, broker))
        {
            Idle(k, self, -1, broker);
        }

        // Publishers waiting for room, in thread order (checked without building the wait queue:
        // this runs at every step).
        for (var publisher = 0; publisher < k.Program.Threads.Count; publisher++)
        {
            if (publisher != self && k.WaitObjectOf(publisher) == broker.Id && Publishing.WouldFit(k, broker, publisher))
            {
                var consumes = k.Program.Threads[publisher].Code[k.PcOf(publisher)].Op == OpCode.Consume;
                k.Wake(publisher);
                k.Emit(EventKind.PublisherWoken, publisher, k.PcOf(publisher), broker.Id, value: consumes ? 2 : 0);
            }
        }
    }

    /// <summary>What the broker's next step will do: 0 route, 1 deliver, 2 expire, 3 restart after a crash.</summary>
    private static int WorkKind(IKernelServices k, ObjectInfo broker) =>
        BrokerParts.Cells(k, broker).IsDown ? 3 : BrokerParts.Cells(k, broker).InboxCount > 0 ? 0 : Expiry.ExpiredQueue(k, broker) is not null ? 2 : 1;

    /// <summary>The broker idles; with a message waiting for its TTL at a head, it sleeps until then.</summary>
    private static void Idle(IKernelServices k, int self, int pc, ObjectInfo broker)
    {
        if (Expiry.NextExpiry(k, broker) is var expiry and < long.MaxValue)
        {
            k.SetTimeout(self, expiry - k.Clock - 1, $"{broker.Name} waits for a TTL");
        }

        k.JoinWaitQueue(self, broker.Id, ThreadStatus.Blocked);
        k.Emit(EventKind.BrokerIdle, self, pc, broker.Id);
    }

    /// <summary>A restart after a crash, a message to route, an expired head to drop, or a ready message some consumer can take now.</summary>
    internal static bool HasWork(IKernelServices k, ObjectInfo broker) =>
        BrokerParts.Cells(k, broker).IsDown || BrokerParts.Cells(k, broker).InboxCount > 0 || Expiry.ExpiredQueue(k, broker) is not null || Delivery.NextQueue(k, broker) is not null;

    /// <summary>The idle broker's deadline came: a message at a head has reached its TTL.</summary>
    internal override void TimeOut(IKernelServices k, ObjectInfo o, int thread)
    {
        k.Wake(thread);
        k.Emit(EventKind.BrokerWoken, thread, -1, o.Id, value: 2);
    }

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) =>
        thread == BrokerParts.ThreadOf(k.Program, o) ? HasWork(k, o) : Publishing.WouldFit(k, o, thread);

    /// <summary>A consume refused while the broker is down waits on the broker, for its restart, as a publish does.</summary>
    internal override bool CanBlockAt(OpCode op) => op == OpCode.Consume || base.CanBlockAt(op);

    internal override bool IsIdleDaemon(IKernelServices k, ObjectInfo o, int thread) => thread == BrokerParts.ThreadOf(k.Program, o);

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) =>
        thread == BrokerParts.ThreadOf(k.Program, o)
            ? "is idle: nothing to route and nobody to deliver to"
            : BrokerParts.Cells(k, o).IsDown
                ? $"waits for {o.Name} to come back (it is down) to {(k.Program.Threads[thread].Code[k.PcOf(thread)].Op == OpCode.Consume ? "consume" : "publish")} again"
            : Publishing.AwaitsConfirm(k, o, thread)
                ? $"waits for {o.Name} to confirm its message (publisher confirms)"
                : $"waits to publish: {o.Name} has no room for every copy (room {Publishing.Room(k, o)} of {o.Capacity})";

    internal override string WaitState(IKernelServices k, ObjectInfo o, int thread) =>
        thread == BrokerParts.ThreadOf(k.Program, o) ? "idle: nothing to route or deliver" : "blocked: " + DescribeWait(k, o, thread);

    internal override void OnThreadEnd(IKernelServices k, int thread) => Acknowledging.OnThreadEnd(k, thread);

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o) => BrokerInvariants.Assert(k, o);

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => BrokerStateWriter.Write(k, o, w);

    public override string Describe(in EventWords w) => BrokerSentences.Describe(w) ?? RestartSentences.Describe(w) ?? DowntimeSentences.Describe(w) ?? NotMine(w);
}
