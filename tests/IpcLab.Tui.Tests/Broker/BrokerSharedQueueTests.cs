using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>A queue bound by two exchanges drawn under each other: one box, with an edge from each exchange.</summary>
public sealed class BrokerSharedQueueTests
{
    private const string Shared = """
        broker rabbit capacity 6
        exchange shop type direct
        exchange all type fanout
        bqueue orders bind shop key "order" bind all
        bqueue audit bind all
        thread web:
            publish shop, "order", "o1"
            publish all, "", "notice"
        thread packer:
            consume orders
            receive orders -> j, t
            ack t
        """;

    private static Session Open(string text)
    {
        var session = TuiScenarios.FromText("shared.ipl", text).Session!;
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

    private static string[] Page(Session session) =>
        [.. BrokerPage.Build(session.Kernel, new BrokerPaneState(), 120, 200).Lines.Select(MarkupRuns.Plain)];

    [Fact]
    public void Diagram_QueueBoundByTheNextExchangeToo_IsOneBoxWithAnEdgeUpFromTheSecond()
    {
        var session = Open(Shared);
        Run(session, "web", 2);
        Run(session, "rabbit", 2);

        var page = Page(session);

        Assert.Single(page, l => l.Contains("┃ orders", StringComparison.Ordinal));
        Assert.DoesNotContain(page, l => l.Contains("(as above)", StringComparison.Ordinal));
        var from = Array.FindIndex(page, l => l.Contains("├─ order ─┬─▶ ┃ orders ●1●2", StringComparison.Ordinal));
        var to = Array.FindIndex(page, l => l.Contains("├─ (any) ─┘", StringComparison.Ordinal));
        Assert.True(from >= 0 && to > from, string.Join("\n", page));

        // The edge runs straight down the one column between the two rows.
        var column = page[from].IndexOf('┬', StringComparison.Ordinal);
        Assert.Equal(column, page[to].IndexOf('┘', StringComparison.Ordinal));
        Assert.All(page[(from + 1)..to], l => Assert.Equal('│', l[column]));
    }

    [Fact]
    public void Diagram_MessageRoutedAlongTheSharedEdge_LightsTheEdgeUp()
    {
        var session = Open(Shared);
        Run(session, "web", 2);
        Run(session, "rabbit", 2);

        var lines = BrokerPage.Build(session.Kernel, new BrokerPaneState(), 120, 200).Lines;
        var edge = lines.Single(l => MarkupRuns.Plain(l).Contains("─┘", StringComparison.Ordinal));
        var join = lines.Single(l => MarkupRuns.Plain(l).Contains("─┬─▶", StringComparison.Ordinal));

        Assert.Contains(MarkupRuns.Parse(edge), r => r.Style == Palette.Changed && r.Text.Contains('┘', StringComparison.Ordinal));
        Assert.Contains(MarkupRuns.Parse(join), r => r.Style == Palette.Changed && r.Text.Contains('┬', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(120, 40)]
    [InlineData(160, 48)]
    public void Page_SharedQueue_GoldenFrame(int width, int height)
    {
        var state = TuiScenarios.FromText("shared.ipl", Shared);
        state.Session!.UseScheduler(SchedulerKind.RoundRobin);
        using var gui = new GuiHarness(state, width, height);
        gui.Type("x" + new string(' ', 6) + "]");

        GoldenFile.Check($"gui-broker-shared-queue-{width}x{height}", gui.Text);
    }
}
