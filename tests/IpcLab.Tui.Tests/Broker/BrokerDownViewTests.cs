using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>A broker that is down (crashed, not restarted yet) says so on the broker page, and says nothing once it is back up.</summary>
public sealed class BrokerDownViewTests
{
    private static string Page(Session session) =>
        string.Join("\n", BrokerPage.Build(session.Kernel, new BrokerPaneState(), 120, 200).Lines.Select(MarkupRuns.Plain));

    [Fact]
    public void BrokerPage_WhileDownThenBackUp_ShowsTheNoticeOnlyWhileDown()
    {
        var state = TuiVerb.Open(Repo.Lesson("broker-downtime.ipl"), null);
        var session = state.Session!;
        session.UseScheduler(SchedulerKind.RoundRobin);

        Assert.True(session.RunUntil(e => e.Kind == EventKind.BrokerWentDown), "rabbit never went down");
        Assert.Contains("rabbit is DOWN: its own next step restarts it", Page(session));

        Assert.True(session.RunUntil(e => e.Kind == EventKind.BrokerBackUp), "rabbit never came back");
        Assert.DoesNotContain("DOWN", Page(session));
    }
}
