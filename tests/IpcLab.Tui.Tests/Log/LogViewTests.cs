using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Log;

/// <summary>The objects panel shows a topic's partitions as rows of offsets, and each group's owners, positions, commits and lag.</summary>
public sealed class LogViewTests
{
    [Fact]
    public void Topic_AfterRetentionAndAPollAndACommit_ShowsRowsMarkersAndLag()
    {
        var state = TuiScenarios.FromText("log.ipl", """
            topic orders partitions 2 retain 2
            consumers billing on orders

            thread shop:
                for i in 1..5:
                    produce orders, "o{i}"

            thread reader:
                subscribe billing
                poll billing -> order
                commit billing
                pass
            """);
        TuiScenarios.Run(state.Session!, 0, 10);
        TuiScenarios.Run(state.Session!, 1, 3);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("topic orders: 2 partitions · retain 2 · produced 5", text);
        Assert.Contains("p0 [0 deleted] 1:\"o3\" ›2:\"o5\" │end 3", text);
        Assert.Contains("p1 ›0:\"o2\" 1:\"o4\" │end 2", text);
        Assert.Contains("billing: reader at 2 · committed 2 · lag 1", text);
        Assert.Contains("billing: reader at 0 · committed 0 · lag 2", text);
        Assert.Contains("consumers billing on orders: lag 3 · 1 member · rebalance 1", text);
        Assert.Contains("reader: p0, p1", text);
    }

    [Fact]
    public void ConsumerGroup_RoundRobinAssignor_SaysSoAndDealsThePartitions()
    {
        var state = TuiScenarios.FromText("rr.ipl", """
            topic orders partitions 3 retain 2
            consumers billing on orders assignor roundrobin

            thread a:
                subscribe billing
                pass

            thread b:
                subscribe billing
                pass
            """);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 1);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("consumers billing on orders: lag 0 · 2 members · round-robin · rebalance 2", text);
        Assert.Contains("a: p0, p2 · b: p1", text);
    }
}
