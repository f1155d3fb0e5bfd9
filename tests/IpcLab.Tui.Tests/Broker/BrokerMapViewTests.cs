using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>The broker's map: who publishes, each binding to its queue, who takes from it, and the hop of the last step.</summary>
public sealed class BrokerMapViewTests
{
    private const string Offers = """
        broker rabbit capacity 4
        exchange shop type fanout
        exchange dead type direct
        bqueue offers bind shop ttl 12 dlx dead dlkey "stale"
        bqueue stale_offers bind dead key "stale"

        thread web:
            publish shop, "", "offer 1"

        thread reader:
            consume offers, 1
            receive offers -> offer, tag
            ack tag

        thread auditor:
            get stale_offers -> offer, tag
        """;

    [Fact]
    public void Map_AtTheStart_PointsToTheBrokerPageInsteadOfDrawingTheTopologyAgain()
    {
        var state = TuiScenarios.FromText("offers.ipl", Offers);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("topology: x draws it (the broker page)", text);
        Assert.DoesNotContain("─dlx ▶ dead", text);
        Assert.DoesNotContain("map web", text);
        Assert.DoesNotContain(" now ", text);
    }

    [Fact]
    public void Map_AfterAPublishAndTheRoute_SaysWhereTheMessageWentInTheLastStep()
    {
        var state = TuiScenarios.FromText("offers.ipl", Offers);
        var session = state.Session!;
        var web = session.Kernel.Program.ThreadIdOf("web");
        var rabbit = session.Kernel.Program.ThreadIdOf("rabbit");

        TuiScenarios.Run(session, web, 1);
        Assert.Contains("now \"offer 1\": web ▶ shop", FrameRenderer.Render(state, 160, 48));

        TuiScenarios.Run(session, rabbit, 1);
        var text = FrameRenderer.Render(state, 160, 48);
        Assert.Contains("now \"offer 1\": shop ─▶ offers", text);
        Assert.DoesNotContain("now \"offer 1\": web ▶ shop", text);
    }
}
