using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>The objects panel names the default exchange as RabbitMQ does, and the broker page draws each queue bound to it by the queue's name.</summary>
public sealed class DefaultExchangeViewTests
{
    private const string Jobs = """
        broker rabbit capacity 4
        bqueue jobs

        thread web:
            publish "", "jobs", "job 1"

        thread worker:
            consume jobs
            receive jobs -> job, tag
            ack tag
        """;

    [Fact]
    public void Objects_DefaultExchange_NamedOnceAndBoundByTheQueuesName()
    {
        var state = TuiScenarios.FromText("jobs.ipl", Jobs);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("  the default exchange (\"\") (direct): routed 0 · unroutable 0", text);
        Assert.DoesNotContain("exchange the default exchange", text);
        var page = string.Join("\n", BrokerPage.Build(state.Session!.Kernel, new BrokerPaneState(), 160, 48).Lines.Select(MarkupRuns.Plain));
        Assert.Matches("web ─+▶ │ the default exchange \\(\"\"\\) *├─ jobs ───▶ ┃ jobs +┃ ────▶ worker", page);
    }
}
