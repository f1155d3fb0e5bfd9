using IpcLab.Conformance.Scenarios;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Conformance.Model;

// The actions that wait: for a TTL to pass, and for the confirm of a publish a restart caught.
public static partial class ModelRunner
{
    /// <summary>
    /// The clock runs (each turn of the channel's loop is a step) and the broker settles between the
    /// turns, until the queue holds the awaited count; then the count is observed.
    /// </summary>
    private static string AwaitReadyCount(Kernel kernel, AwaitReady awaited, int thread, int broker, int line)
    {
        for (var n = 0; !kernel.HasEnded(thread) && kernel.NextInstruction(thread)?.Pos.Line <= line; n++)
        {
            Bound(n, kernel);
            Settle(kernel, broker);
            kernel.Step(thread);
        }

        Settle(kernel, broker);
        return Observed.Counted(awaited.Queue, kernel.BrokerQueueReady(QueueId(kernel, awaited.Queue)).Count);
    }

    /// <summary>A pending publish: its one step puts the message into the broker's inbox and the thread waits for the confirm; the broker does not run, so the next action finds it there unrouted.</summary>
    private static void HoldInInbox(Kernel kernel, Scenario scenario, int thread)
    {
        kernel.Step(thread);
        if (kernel.CanRun(thread) || kernel.BrokerInbox(kernel.Program.Objects.Single(o => o.Kind == ObjectKind.Broker).Id).Count == 0)
        {
            throw new InvalidOperationException($"the pending publish of {scenario.Name} is not waiting in the broker's inbox\n{Trace(kernel)}");
        }
    }

    /// <summary>Steps the publisher until its pending publish statement is done (published again after a restart, if the restart lost it) and observes its confirm.</summary>
    private static string AwaitConfirmLine(Kernel kernel, ModelProgram program, AwaitConfirm confirm, int thread, int broker)
    {
        var pending = program.PendingPublishOf(confirm);
        var (_, line, lineCount) = program.LinesOf(pending);
        StepWhile(kernel, thread, broker, () => !kernel.HasEnded(thread) && kernel.NextInstruction(thread)?.Pos.Line <= line + lineCount - 1);
        Settle(kernel, broker);
        var unconfirmed = kernel.Events.Any(e => e.Kind == EventKind.PublishUnconfirmed && e.Thread == thread);
        return Observed.Reconfirmed((Publish)program.Scenario.Actions[pending], unconfirmed, Local(kernel, thread, "ok") != 0);
    }
}
