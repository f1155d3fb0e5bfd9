using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>Two messages with the same body on the broker page: two numbers, two marks, two paths.</summary>
public sealed class MessageIdentityViewTests
{
    private static Session SameBody()
    {
        var session = TuiVerb.Open(Repo.Lesson("broker-same-body.ipl"), null).Session!;
        session.UseScheduler(SchedulerKind.Manual);
        return session;
    }

    private static void Run(Session session, string thread, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            session.StepThread(session.Program.ThreadIdOf(thread));
        }
    }

    private static string Page(Session session, BrokerPaneState pane) =>
        string.Join("\n", BrokerPage.Build(session.Kernel, pane, 120, 200).Lines.Select(MarkupRuns.Plain));

    [Fact]
    public void Build_SameBodyPublishedTwice_NumbersTwoMessagesInTheQueue()
    {
        var session = SameBody();
        Run(session, "web", 2);
        Run(session, "rabbit", 2);

        var page = Page(session, new BrokerPaneState());

        Assert.Contains("┃ resizes ●1●2", page);
        Assert.Contains("●1 \"resize photo\" resize · ready in resizes", page);
        Assert.Contains("●2 \"resize photo\" resize · ready in resizes", page);
    }

    [Fact]
    public void Path_SameBodyPublishedTwice_EachMessageHasOnlyItsOwnHops()
    {
        var session = SameBody();
        Run(session, "web", 2);
        Run(session, "rabbit", 2);
        Run(session, "worker", 1);
        Run(session, "rabbit", 1);
        Run(session, "worker", 2);
        var pane = new BrokerPaneState();

        pane.Choose(session.Kernel, new MessageLabels(session.Kernel), 1);
        var first = pane.Hops(session.Kernel, new MessageLabels(session.Kernel));
        pane.Choose(session.Kernel, new MessageLabels(session.Kernel), 2);
        var second = pane.Hops(session.Kernel, new MessageLabels(session.Kernel));

        Assert.Equal(5, first.Count);
        Assert.Contains(first, h => h.Text.Contains(" acks ", StringComparison.Ordinal));
        Assert.Equal(2, second.Count);
        Assert.DoesNotContain(second, h => h.Text.Contains(" acks ", StringComparison.Ordinal));
        Assert.Empty(first.Select(h => h.Step).Intersect(second.Select(h => h.Step)));
        Assert.Contains("Path of ●2 \"resize photo\"", Page(session, pane));
    }
}
