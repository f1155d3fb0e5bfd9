using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Log;

/// <summary>The lag the objects panel shows for a group on a replicated topic: to the high-water mark, what a consumer can read, as <c>lag(GROUP)</c>.</summary>
public sealed class LagViewTests
{
    private const string Program = """
        topic orders retain 8 replicas 3 minisr 2
        consumers billing on orders

        thread shop:
            produce orders, "o1", acks(1)
            produce orders, "o2", acks(1)
            pass

        thread biller:
            subscribe billing
            pass
        """;

    [Fact]
    public void Topic_RecordsAboveTheMark_LagCountsOnlyThoseBelowIt()
    {
        var state = TuiScenarios.FromText("lag.ipl", Program);
        TuiScenarios.Run(state.Session!, 0, 2);
        TuiScenarios.Run(state.Session!, 1, 1);
        TuiScenarios.Run(state.Session!, 3, 1);
        TuiScenarios.Run(state.Session!, 4, 1);

        var text = FrameRenderer.Render(state, 180, 60);

        Assert.Contains("p0 ›0:\"o1\" ┊hwm 1:\"o2\" │end 2", text);
        Assert.Contains("billing: biller at 0 · nothing committed · lag 1", text);
        Assert.Contains("consumers billing on orders: lag 1", text);
    }
}
