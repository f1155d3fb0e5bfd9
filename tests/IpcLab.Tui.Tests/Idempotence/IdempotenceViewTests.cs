using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Idempotence;

/// <summary>The objects panel shows a table of processed ids: how full it is and the ids in the order recorded.</summary>
public sealed class IdempotenceViewTests
{
    [Fact]
    public void Table_AfterTwoHandlesAndASkip_ShowsTheIdsRecordedOnce()
    {
        var state = TuiScenarios.FromText("once.ipl", """
            table done capacity 4

            thread worker:
                handleonce done, "job 1"
                handleonce done, "job 2"
                handleonce done, "job 1"
                pass
            """);
        TuiScenarios.Run(state.Session!, 0, 3);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("table done: 2 of 4 ids · \"job 1\", \"job 2\"", text);
    }

    [Fact]
    public void Topic_IdempotentProducerRetried_ShowsEachRecordsProducerAndSequenceOnce()
    {
        var state = TuiScenarios.FromText("retry.ipl", """
            topic orders retain 4 producers idempotent

            thread shop:
                produce orders, "o1"
                produce orders, "o2"
                retry orders
                pass
            """);
        TuiScenarios.Run(state.Session!, 0, 3);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("topic orders: 1 partition · retain 4 · produced 2 · idempotent producers", text);
        Assert.Contains("p0 0:\"o1\"·shop#0 1:\"o2\"·shop#1 │end 2", text);
    }
}
