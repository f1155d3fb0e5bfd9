using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>The diagram's edges beyond publish, route and deliver: a queue bound twice, the dead-letter edge back from a queue, the alternate exchange.</summary>
public sealed class BrokerDiagramEdgesTests
{
    private const string Mixed = """
        broker rabbit capacity 6
        exchange studio type direct alternate strays
        exchange all type fanout
        exchange strays type fanout
        bqueue photos bind studio key "photo" bind studio key "image" bind all ttl 2 dlx all
        bqueue archive bind all
        bqueue lost bind strays
        thread web:
            publish studio, "photo", "p1"
            publish studio, "video", "v1"
            publish all, "", "a1"
        thread worker:
            consume photos
            receive photos -> j, t
            ack t
        """;

    private static Session Open(string name, string text)
    {
        var session = TuiScenarios.FromText(name, text).Session!;
        session.UseScheduler(SchedulerKind.Manual);
        return session;
    }

    private static string[] Page(Session session) =>
        [.. BrokerPage.Build(session.Kernel, new BrokerPaneState(), 120, 200).Lines.Select(MarkupRuns.Plain)];

    private static void Run(Session session, string thread, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            session.StepThread(session.Program.ThreadIdOf(thread));
        }
    }

    [Fact]
    public void Diagram_QueueBoundTwiceByOneExchange_IsOneRowWithBothKeys()
    {
        var session = Open("mixed.ipl", Mixed);
        Run(session, "web", 1);
        Run(session, "rabbit", 1);

        var page = Page(session);

        Assert.Single(page, l => l.Contains("│ studio", StringComparison.Ordinal));
        Assert.Contains(page, l => l.Contains("├─ photo, image ───▶ ┃ photos ●1", StringComparison.Ordinal));
        // In the diagram (the queue cards' line of ready messages lists it too).
        Assert.Single(page, l => l.Contains("●1", StringComparison.Ordinal) && l.Contains('┃', StringComparison.Ordinal) && !l.Contains("ready, head first", StringComparison.Ordinal));
        Assert.Contains(page, l => l.Contains("┃ photos", StringComparison.Ordinal) && l.EndsWith("(as above)", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagram_ExchangeWithAnAlternate_DrawsItsNoMatchEdgeLitWhenAMessageWentOnToIt()
    {
        var session = Open("mixed.ipl", Mixed);
        Run(session, "web", 2);
        Run(session, "rabbit", 1);
        var before = BrokerPage.Build(session.Kernel, new BrokerPaneState(), 120, 200).Lines.Single(l => MarkupRuns.Plain(l).Contains("no match", StringComparison.Ordinal));
        Run(session, "rabbit", 1);
        var after = BrokerPage.Build(session.Kernel, new BrokerPaneState(), 120, 200).Lines.Single(l => MarkupRuns.Plain(l).Contains("no match", StringComparison.Ordinal));

        Assert.Contains("└─ no match ───▶ strays (alternate exchange)", MarkupRuns.Plain(after));
        Assert.DoesNotContain(MarkupRuns.Parse(before), r => r.Style == Palette.Changed);
        Assert.Contains(MarkupRuns.Parse(after), r => r.Style == Palette.Changed && r.Text.Contains("no match", StringComparison.Ordinal));
        Assert.Contains(Page(session), l => l.Contains("┃ lost ●2", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagram_DeadLetterWaitingInTheInbox_SitsOnTheEdgeFromItsQueueBackToTheExchange()
    {
        var session = TuiVerb.Open(Repo.Lesson("broker-deadletter-cycle.ipl"), null).Session!;
        session.UseScheduler(SchedulerKind.RoundRobin);
        session.RunUntil(e => e.Kind == Core.Runtime.EventKind.MessageDeadLettered);

        var page = Page(session);

        Assert.Contains(page, l => l.Contains("┃ jobs ", StringComparison.Ordinal) && l.EndsWith("─dlx●1─▶ retry", StringComparison.Ordinal));
        Assert.Contains(page, l => l.Contains("┃ later ", StringComparison.Ordinal) && l.EndsWith("─dlx─▶ work", StringComparison.Ordinal));
        Assert.DoesNotContain(page, l => l.Contains(" dlx ─", StringComparison.Ordinal));
    }
}
