using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>A consumer that cancelled (basic.cancel) is named so on the broker page and in the objects panel, not taken for a get.</summary>
public sealed class CancelledConsumerViewTests
{
    private static Session CancelledWorker()
    {
        var state = TuiVerb.Open(Repo.Lesson("broker-cancel.ipl"), null);
        var session = state.Session!;
        session.UseScheduler(SchedulerKind.RoundRobin);
        Assert.True(session.RunUntil(e => e.Kind == EventKind.ConsumeCancelled), "the worker never cancelled");
        return session;
    }

    [Fact]
    public void QueueCards_AfterCancel_SayTheConsumerIsCancelled()
    {
        var session = CancelledWorker();

        var page = string.Join("\n", BrokerPage.Build(session.Kernel, new BrokerPaneState(), 120, 200).Lines.Select(MarkupRuns.Plain));

        Assert.Contains("worker cancelled (pushed nothing more)", page);
        Assert.DoesNotContain("worker get", page);
    }
}
