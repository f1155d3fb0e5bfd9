using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Log;

/// <summary>Under a consumer group's assignment, what its last rebalance moved: each partition from its old owner to its new one.</summary>
public sealed class RebalanceViewTests
{
    private const string Program = """
        topic orders partitions 3 retain 2
        consumers billing on orders assignor roundrobin

        thread a:
            subscribe billing
            unsubscribe billing

        thread b:
            subscribe billing
            pass
        """;

    [Fact]
    public void ConsumerGroup_SecondMemberJoins_ShowsThePartitionMovedToIt()
    {
        var state = TuiScenarios.FromText("moves.ipl", Program);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 1);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("a: p0, p2 · b: p1", text);
        Assert.Contains("last rebalance (step 2): p1 a → b", text);
    }

    [Fact]
    public void ConsumerGroup_MemberLeaves_ShowsEachOfItsPartitionsMovedAndNotTheOneThatStayed()
    {
        var state = TuiScenarios.FromText("moves.ipl", Program);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 1);
        TuiScenarios.Run(state.Session!, 0, 1);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("b: p0, p1, p2", text);
        Assert.Contains("last rebalance (step 3): p0 a → b · p2 a → b", text);
    }

    [Fact]
    public void ConsumerGroup_NoRebalanceYet_ShowsNoMoves()
    {
        var state = TuiScenarios.FromText("moves.ipl", Program);

        Assert.DoesNotContain("last rebalance", FrameRenderer.Render(state, 160, 48), StringComparison.Ordinal);
    }
}
