using IpcLab.Core.Model;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// What a restart does to the broker's topology, as RabbitMQ does it: only durable exchanges and
/// queues are on disk, so a transient one is gone after the restart, and with it every binding that
/// touches it (a binding survives only when both its ends are durable). Nothing declares a lost
/// object again: the program's declarations are made once, before any client runs, so a client's
/// recovery has nothing of its own to redeclare. A client that then uses a lost object meets
/// RabbitMQ's channel error, 404 NOT_FOUND: the broker closes its channel, and the thread, which
/// is its channel, faults. A consumer of a lost queue is refused the same way when its connection
/// recovers (its basic.consume on the new channel fails).
/// </summary>
internal static class TransientTopology
{
    public static bool IsGone(IKernelServices k, ObjectInfo o) => o.Kind switch
    {
        ObjectKind.Exchange => new ExchangeCells(k.Cells(o.Id)).IsGone,
        ObjectKind.BrokerQueue => BrokerParts.QueueCells(k, o).IsGone,
        _ => false,
    };

    /// <summary>
    /// Marks every transient exchange and queue of the broker gone, each with an event. Runs after the
    /// restart has lost their messages: a transient queue holds nothing by then.
    /// </summary>
    public static void Lose(IKernelServices k, int actor, int pc, ObjectInfo broker, int mark)
    {
        foreach (var o in k.Program.Objects)
        {
            if (o.Kind is not (ObjectKind.Exchange or ObjectKind.BrokerQueue) || BrokerParts.BrokerOf(o) != broker.Id || BrokerParts.IsDurable(o) || IsGone(k, o))
            {
                continue;
            }

            if (o.Kind == ObjectKind.Exchange)
            {
                var x = new ExchangeCells(k.Cells(o.Id));
                x.IsGone = true;
                x.LastMatches = 0;
            }
            else
            {
                BrokerParts.QueueCells(k, o).IsGone = true;
            }

            k.Emit(new KernelEvent(0, EventKind.ObjectLostInRestart, actor, pc, o.Id, broker.Id, 0) { Count = mark });
        }
    }

    /// <summary>
    /// The clients' connections recover: a consumer of a queue the restart lost cannot be registered
    /// again (NOT_FOUND), and the broker closes that consumer's channel, so its thread faults.
    /// </summary>
    public static void FailLostConsumers(IKernelServices k, ObjectInfo broker)
    {
        foreach (var queue in k.Program.Objects)
        {
            if (queue.Kind != ObjectKind.BrokerQueue || BrokerParts.BrokerOf(queue) != broker.Id || !BrokerParts.QueueCells(k, queue).IsGone)
            {
                continue;
            }

            for (var t = 0; t < k.Program.Threads.Count; t++)
            {
                var mode = BrokerParts.QueueCells(k, queue).Mode(t);
                if (mode == ConsumerMode.Cancelled)
                {
                    // A cancelled consumer is not registered again: nothing to fail, and it held
                    // nothing that survived (a transient queue's messages are all lost).
                    BrokerParts.QueueCells(k, queue).StopConsuming(t);
                }
                else if (mode != ConsumerMode.None && !k.HasEnded(t))
                {
                    k.Fault(t, k.PcOf(t), FindingKind.Fault, EventKind.Faulted,
                        $"its consumer of {queue.Name} cannot be registered again as its connection recovers: {NoQueue(queue, broker)}; the broker closes its channel");
                }
            }
        }
    }

    /// <summary>Faults the thread when <paramref name="o"/> is gone: NOT_FOUND, as RabbitMQ answers an operation on a missing exchange or queue.</summary>
    /// <param name="doing">What the thread did, as a sentence starts: "publishes \"m\" to x".</param>
    public static void RequireExists(IKernelServices k, ObjectInfo o, string doing)
    {
        if (IsGone(k, o))
        {
            var broker = k.Program.Objects[BrokerParts.BrokerOf(o)];
            var missing = o.Kind == ObjectKind.Exchange ? NoExchange(o, broker) : NoQueue(o, broker);
            throw new ThreadFaultException($"{doing}, but {o.Name} is gone: {missing}; the broker closes the channel");
        }
    }

    private static string NoExchange(ObjectInfo exchange, ObjectInfo broker) =>
        $"NOT_FOUND - no exchange '{exchange.Name}' (it was transient and {broker.Name} restarted)";

    private static string NoQueue(ObjectInfo queue, ObjectInfo broker) =>
        $"NOT_FOUND - no queue '{queue.Name}' (it was transient and {broker.Name} restarted)";
}
