using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>The broker page's diagram, routing tables, queues and message path, as view data.</summary>
public sealed class BrokerDiagramTests
{
    private static Session TopicLogs()
    {
        var state = TuiVerb.Open(Repo.Lesson("broker-topic-logs.ipl"), null);
        state.Session!.UseScheduler(SchedulerKind.Manual);
        return state.Session;
    }

    private static string Page(Session session, BrokerPaneState? pane = null, int width = 120) =>
        string.Join("\n", BrokerPage.Build(session.Kernel, pane ?? new BrokerPaneState(), width, 200).Lines.Select(MarkupRuns.Plain));

    private static void Run(Session session, string thread, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            session.StepThread(session.Program.ThreadIdOf(thread));
        }
    }

    [Fact]
    public void Diagram_AtTheStart_DrawsTheExchangeBoxWithEachBindingToItsQueueAndConsumer()
    {
        var page = Page(TopicLogs());

        Assert.Contains("logger ─────────▶ │ logs    ├─ *.error ───▶ ┃ errors        ┃ ────▶ alerts", page);
        Assert.Contains("│         ├─ kern.#  ───▶ ┃ kernel        ┃ ────▶ kernlog", page);
        Assert.Contains("╰topic────╯", page);
        Assert.Contains("none: nothing published yet", page);
    }

    [Fact]
    public void Diagram_PublishedNotRouted_MarksTheMessageOnThePublishersEdge()
    {
        var session = TopicLogs();
        Run(session, "logger", 1);

        var page = Page(session);

        Assert.Contains("logger ─●1──────▶ │ logs", page);
        Assert.Contains("●1 \"disk failure\" kern.error · in the inbox, published by logger to logs", page);
        Assert.Contains("published \"kern.error\" (matches when routed)", page);
        Assert.Contains("✓ *.error → errors  *=kern error=error", page);
        Assert.Contains("✓ kern.#  → kernel  kern=kern #=error", page);
    }

    [Fact]
    public void Diagram_Routed_MarksTheCopyInEachQueueAndTheTableSaysWhichBindingsMatched()
    {
        var session = TopicLogs();
        Run(session, "logger", 1);
        Run(session, "rabbit", 1);

        var page = Page(session);

        Assert.Contains("logger ─────────▶", page);
        Assert.Contains("┃ errors ●1     ┃", page);
        Assert.Contains("┃ kernel ●1     ┃", page);
        Assert.Contains("routed \"kern.error\"", page);
        Assert.Contains("✓ *.error → errors  *=kern error=error", page);
        Assert.Contains("┏ errors · 1 ready · 0 unacked", page);
    }

    [Fact]
    public void Diagram_DeliveredNotAcked_MarksTheMessageOnTheConsumersEdgeWithItsWindow()
    {
        var session = TopicLogs();
        Run(session, "logger", 1);
        Run(session, "alerts", 1);
        Run(session, "rabbit", 2);

        var page = Page(session);

        Assert.Contains("┃ errors        ┃ ─●1─▶ alerts", page);
        Assert.Contains("●1 \"disk failure\" kern.error · delivered to alerts #1, pushed, not taken yet · delivery 1", page);
        Assert.Contains("┃ alerts manual acks · 1 unacked · prefetch ∞ · ●1 #1", page);
    }

    [Fact]
    public void Path_OfAChosenMessage_ListsItsHopsWithTheirStepsAndKeepsThemAfterGoingBack()
    {
        var session = TopicLogs();
        Run(session, "logger", 1);
        Run(session, "alerts", 1);
        Run(session, "rabbit", 2);
        var pane = new BrokerPaneState();
        pane.Cycle(session.Kernel, new MessageLabels(session.Kernel), 1);

        var page = Page(session, pane);
        Assert.Contains("Path of ●1 \"disk failure\"", page);
        Assert.Contains("step 1    logger publishes \"disk failure\" to logs", page);
        Assert.Contains("step 3    rabbit routes \"disk failure\" (key \"kern.error\") from logs into errors", page);

        session.GoTo(1);
        var hops = pane.Hops(session.Kernel, new MessageLabels(session.Kernel));
        Assert.Equal([1, 3, 3, 4], hops.Select(h => h.Step));
    }

    [Fact]
    public void Diagram_ExpiredAndDeadLettered_WaitsOnTheDeadLetterEdgeWithItsReason()
    {
        var state = TuiVerb.Open(Repo.Lesson("broker-ttl-dlq.ipl"), null);
        var session = state.Session!;
        session.UseScheduler(SchedulerKind.RoundRobin);
        session.RunUntil(e => e.Kind == Core.Runtime.EventKind.MessageDeadLettered);

        var page = Page(session);

        Assert.Matches("┃ offers[^┃\\n]*┃[^\\n]* ─dlx●\\d─▶ dead", page);
        Assert.Matches("●\\d \"offer \\d\" stale · in the inbox, dead-lettered to dead · dead-lettered: expired \\(1x\\)", page);
    }

    [Fact]
    public void Diagram_EdgesOfTheLastStep_AreLitAndTheOthersDim()
    {
        var session = TopicLogs();
        Run(session, "logger", 1);

        var published = LitEdges(session);
        Run(session, "rabbit", 1);
        var routed = LitEdges(session);

        Assert.Equal([" ─", "──────▶ "], published);
        Assert.Equal([" ───▶ ", " ───▶ "], routed);
    }

    /// <summary>The edge pieces (arrows and lines) of the diagram drawn in the highlight style, in order.</summary>
    private static string[] LitEdges(Session session)
    {
        var kernel = session.Kernel;
        var lines = BrokerDiagram.Lines(kernel, new MessageLabels(kernel), new StepChanges(kernel), 120);
        return [.. lines.SelectMany(MarkupRuns.Parse)
            .Where(r => r.Style == Palette.Changed && (r.Text.Contains('─') || r.Text.Contains('▶')) && !r.Text.Contains('●'))
            .Select(r => r.Text)];
    }
}
