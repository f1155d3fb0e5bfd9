using IpcLab.Conformance.Scenarios;
using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Conformance.Model;

/// <summary>
/// Runs a scenario on the kernel with a fixed schedule: the actions in the scenario's order, each
/// by stepping its channel's thread through the action's lines (the broker steps only while that
/// thread waits for it, e.g. for a confirm), then the broker alone until it has nothing to do now,
/// so every publish is routed, every dead letter re-routed and every push made before the next
/// action, as a client that waits for confirms sees RabbitMQ.
/// </summary>
public static partial class ModelRunner
{
    private const int StepBound = 100_000;

    public static Outcome Run(Scenario scenario)
    {
        var program = new ModelProgram(scenario);
        CompiledProgram compiled;
        try
        {
            compiled = Compiler.CompileText("conformance.ipl", program.Text);
        }
        catch (ScriptError error)
        {
            throw new InvalidOperationException($"the scenario {scenario.Name} does not compile as a program: {error.Message}\n{program.Text}", error);
        }

        var kernel = new Kernel(compiled, new KernelOptions { CheckInvariants = true });
        var broker = compiled.ThreadIdOf(ModelProgram.BrokerName);
        var lines = new List<string>();
        var readyBefore = new Dictionary<int, int>();
        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            var action = scenario.Actions[i];
            var (threadName, first, count) = program.LinesOf(i);
            var thread = compiled.ThreadIdOf(threadName);
            if (QueueOf(action) is { } observed)
            {
                readyBefore[i] = kernel.BrokerQueueReady(QueueId(kernel, observed)).Count;
            }

            var eventsBefore = kernel.Events.Count;
            if (action is Drain drain)
            {
                lines.AddRange(DrainQueue(kernel, program, drain, i, thread, broker, first));
                continue;
            }

            if (action is AwaitReady awaited)
            {
                lines.Add(AwaitReadyCount(kernel, awaited, thread, broker, first));
                continue;
            }

            if (action is Publish { Pending: true })
            {
                HoldInInbox(kernel, scenario, thread);
                continue;
            }

            if (action is AwaitConfirm confirm)
            {
                lines.Add(AwaitConfirmLine(kernel, program, confirm, thread, broker));
                continue;
            }

            // An autoack delivery is forgotten by the broker as the program takes it: what it was is
            // read from the consumer's client buffer before the receive.
            var heldBefore = action is Receive held ? HeldBy(kernel, program, held.Queue, thread) : [];
            if (action is CloseChannel)
            {
                StepWhile(kernel, thread, broker, () => !kernel.HasEnded(thread));
            }
            else if (count > 0)
            {
                var done = StepWhile(kernel, thread, broker, () => !kernel.HasEnded(thread) && kernel.NextInstruction(thread)?.Pos.Line <= first + count - 1, action is Receive);
                if (!done && action is Receive waiting)
                {
                    // Nothing can run: the broker has nothing to push, and never will. The thread stays
                    // blocked, so this must be its channel's last action.
                    lines.Add(Observed.NothingPushed(waiting.Queue));
                    continue;
                }
            }

            Settle(kernel, broker);
            lines.AddRange(Observe(kernel, program, action, thread, eventsBefore, heldBefore));
        }

        return new Outcome(lines, readyBefore, program.Text);
    }

    /// <summary>The broker alone, until it has nothing to do now (it idles, or waits for a TTL to pass).</summary>
    private static void Settle(Kernel kernel, int broker)
    {
        for (var n = 0; kernel.CanRun(broker); n++)
        {
            Bound(n, kernel);
            kernel.Step(broker);
        }
    }

    /// <summary>The drain's gets one by one, each observed at once (the message is held by the draining thread) and the broker settled after it.</summary>
    private static IEnumerable<string> DrainQueue(Kernel kernel, ModelProgram program, Drain drain, int index, int thread, int broker, int first)
    {
        // Every get of the drain runs (the ones after the first empty find the queue empty too), so
        // none is left over to take, in the thread's next action, a message that arrives later.
        var empty = false;
        for (var k = 0; k < program.DrainGets; k++)
        {
            StepWhile(kernel, thread, broker, () => !kernel.HasEnded(thread) && kernel.NextInstruction(thread)?.Pos.Line <= first + k);
            Settle(kernel, broker);
            var tag = Local(kernel, thread, ModelProgram.DrainTag(index, k));
            if (!empty)
            {
                empty = tag == 0;
                yield return empty ? Observed.DrainEnd(drain.Queue) : Observed.Drained(drain.Queue, Held(kernel, program, drain.Queue, thread, tag));
            }
        }
    }

    internal static string? QueueOf(ClientAction action) => action switch
    {
        Get g => g.Queue,
        Drain d => d.Queue,
        Count c => c.Queue,
        _ => null,
    };

    /// <summary>Steps the thread (the broker while the thread waits for it) until done; false if it is stuck waiting and that is allowed.</summary>
    private static bool StepWhile(Kernel kernel, int thread, int broker, Func<bool> notDone, bool mayStayBlocked = false)
    {
        for (var n = 0; notDone(); n++)
        {
            Bound(n, kernel);
            if (kernel.CanRun(thread))
            {
                kernel.Step(thread);
            }
            else if (kernel.CanRun(broker))
            {
                kernel.Step(broker);
            }
            else if (mayStayBlocked)
            {
                return false;
            }
            else
            {
                throw new InvalidOperationException($"{kernel.ThreadName(thread)} is stuck: {kernel.WhyCannotRun(thread)}\n{Trace(kernel)}");
            }
        }

        return true;
    }

    private static IEnumerable<string> Observe(Kernel kernel, ModelProgram program, ClientAction action, int thread, int eventsBefore, IReadOnlyDictionary<long, MessageSeen> heldBefore)
    {
        switch (action)
        {
            // A publish to an exchange, or a get from a queue, that a restart lost: the thread faulted,
            // as RabbitMQ closes the channel with NOT_FOUND.
            case Publish p when Lost(kernel, thread, p.Exchange, ObjectKind.Exchange):
                yield return Observed.ChannelClosed(p, Observed.NotFound("exchange", p.Exchange));
                break;
            case Publish p:
                var returned = kernel.Events.Skip(eventsBefore).Any(e => e.Kind == EventKind.MessageReturned);
                yield return Observed.Confirm(p, Local(kernel, thread, "ok") != 0, returned);
                break;
            case Get g when Lost(kernel, thread, g.Queue, ObjectKind.BrokerQueue):
                yield return Observed.GetClosed(g.Queue, Observed.NotFound("queue", g.Queue));
                break;
            case Get g:
                yield return Got(kernel, program, "get", g.Queue, thread, Local(kernel, thread, ModelProgram.TagOf(g.Name)));
                break;
            case Count c when kernel.BrokerObjectIsGone(QueueId(kernel, c.Queue)):
                yield return Observed.CountedMissing(c.Queue);
                break;
            case Receive r:
                var tag = Local(kernel, thread, ModelProgram.TagOf(r.Name));
                yield return heldBefore.TryGetValue(tag, out var taken) && !HeldBy(kernel, program, r.Queue, thread).ContainsKey(tag)
                    ? Observed.Got("receive", r.Queue, tag, taken)
                    : Got(kernel, program, "receive", r.Queue, thread, tag);
                break;
            case Count c:
                yield return Observed.Counted(c.Queue, kernel.BrokerQueueReady(QueueId(kernel, c.Queue)).Count);
                break;
            case Restart:
                yield return Observed.Restarted;
                break;
        }
    }

    /// <summary>True when the thread faulted on an exchange or queue of that name that a restart lost.</summary>
    private static bool Lost(Kernel kernel, int thread, string name, ObjectKind kind) =>
        kernel.StatusOf(thread) == ThreadStatus.Faulted
        && kernel.Program.Objects.Single(o => o.Kind == kind && o.Name == (name.Length == 0 ? DefaultExchange.Name : name)) is var o
        && kernel.BrokerObjectIsGone(o.Id);

    private static Dictionary<long, MessageSeen> HeldBy(Kernel kernel, ModelProgram program, string queue, int thread) =>
        kernel.BrokerQueueConsumers(QueueId(kernel, queue)).SingleOrDefault(c => c.Thread == thread)?.Held.ToDictionary(m => m.Tag, m => Seen(kernel, program, queue, m))
        ?? [];

    private static string Got(Kernel kernel, ModelProgram program, string verb, string queue, int thread, long tag) =>
        Observed.Got(verb, queue, tag, tag == 0 ? null : Held(kernel, program, queue, thread, tag));

    private static MessageSeen Held(Kernel kernel, ModelProgram program, string queue, int thread, long tag)
    {
        var held = kernel.BrokerQueueConsumers(QueueId(kernel, queue)).SingleOrDefault(c => c.Thread == thread)?.Held.SingleOrDefault(m => m.Tag == tag)
            ?? throw new InvalidOperationException($"{kernel.ThreadName(thread)} holds no delivery tag {tag} of {queue}\n{Trace(kernel)}\n{kernel.Program.Source}");
        return Seen(kernel, program, queue, held);
    }

    private static MessageSeen Seen(Kernel kernel, ModelProgram program, string queue, BrokerMessageInfo held)
    {
        var deaths = held.History.Select(d => new DeathSeen(kernel.ObjectName(d.Queue), d.Reason.Word(), d.Count, ExchangeName(kernel, d.Exchange), d.Key)).ToArray();
        // The model counts every delivery, the current one too, in any queue; RabbitMQ's quorum queues
        // count the failed ones before it (x-delivery-count, 0 on a first delivery).
        var quorum = program.Scenario.Queues.Single(q => q.Name == queue).Quorum;
        return new MessageSeen(held.Body, held.Deliveries > 1, deaths) { DeliveryCount = quorum ? held.Deliveries - 1 : null };
    }

    private static string ExchangeName(Kernel kernel, int exchange) =>
        exchange < 0 || kernel.ObjectName(exchange) == DefaultExchange.Name ? "" : kernel.ObjectName(exchange);

    private static long Local(Kernel kernel, int thread, string name)
    {
        var locals = kernel.Program.Threads[thread].Locals;
        for (var i = 0; i < locals.Count; i++)
        {
            if (locals[i].Name == name)
            {
                return kernel.LocalValue(thread, i);
            }
        }

        throw new InvalidOperationException($"{kernel.ThreadName(thread)} has no local {name}");
    }

    private static int QueueId(Kernel kernel, string name) => kernel.Program.Objects.Single(o => o.Name == name && o.Kind == ObjectKind.BrokerQueue).Id;

    private static void Bound(int n, Kernel kernel)
    {
        if (n >= StepBound)
        {
            throw new InvalidOperationException($"the model did not settle within {StepBound} steps\n{Trace(kernel)}");
        }
    }

    private static string Trace(Kernel kernel) =>
        string.Join("\n", kernel.Events.TakeLast(40).Select(e => $"  {e.Step,4}: {EventText.Describe(e, kernel.Program, kernel.Strings)}"));
}
