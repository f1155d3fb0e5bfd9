using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Log;

/// <summary>Under a consumer group's assignment, its rebalances, oldest first: what set each off, the assignment before and after, and each partition that moved from its old owner to its new one.</summary>
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
    public void ConsumerGroup_SecondMemberJoins_ShowsBothRebalancesWithTheOneThatMovedAPartitionToIt()
    {
        var state = TuiScenarios.FromText("moves.ipl", Program);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 1);

        var text = FrameRenderer.Render(state, 160, 48);

        Assert.Contains("a: p0, p2 · b: p1", text);
        AssertLinesInOrder(
            text,
            "rebalance 1 · step 1 · a joins",
            "  before (no member)",
            "  after  a: p0, p1, p2",
            "  moved  p0, p1, p2 nobody → a");
        AssertLinesInOrder(
            text,
            "• rebalance 2 · step 2 · b joins",
            "    before a: p0, p1, p2",
            "    after  a: p0, p2 · b: p1",
            "    moved  p1 a → b");
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
        AssertLinesInOrder(
            text,
            "• rebalance 3 · step 3 · a leaves",
            "    before a: p0, p2 · b: p1",
            "    after  b: p0, p1, p2",
            "    moved  p0, p2 a → b");
    }

    [Fact]
    public void ConsumerGroup_NoRebalanceYet_ShowsNoHistory()
    {
        var state = TuiScenarios.FromText("moves.ipl", Program);

        Assert.DoesNotContain("rebalance 1", FrameRenderer.Render(state, 160, 48), StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumerGroup_FiveRebalances_ShowsTheLastThreeAndCountsTheEarlierOnes()
    {
        var text = FrameRenderer.Render(TuiScenarios.LessonAt("log-rebalances.ipl", 22), 160, 48);

        Assert.Contains("+2 earlier rebalances", text);
        Assert.DoesNotContain("rebalance 2 ·", text, StringComparison.Ordinal);
        Assert.Contains("rebalance 3 · step 11 · cat joins", text);
        Assert.Contains("rebalance 4 · step 16 · ann leaves", text);
        AssertLinesInOrder(
            text,
            "• rebalance 5 · step 22 · cat has crashed",
            "    before bob: p0, p1 · cat: p2",
            "    after  bob: p0, p1, p2",
            "    moved  p2 cat → bob");
    }

    [Fact]
    public void ConsumerGroup_StepBackBeforeARebalance_TakesItOutOfTheHistory()
    {
        var state = TuiScenarios.LessonAt("log-rebalances.ipl", 22);

        state.Session!.StepBack();

        var text = FrameRenderer.Render(state, 160, 48);
        Assert.DoesNotContain("cat has crashed", text, StringComparison.Ordinal);
        Assert.Contains("+1 earlier rebalance", text);
        Assert.Contains("rebalance 4 · step 16 · ann leaves", text);
    }

    [Fact]
    public void ConsumerGroup_MovesWiderThanThePanel_WrapBetweenMovesNeverInsideOne()
    {
        var state = TuiScenarios.FromText("wide.ipl", """
            topic orders partitions 4 retain 2
            consumers billing on orders assignor roundrobin

            thread firstworker:
                subscribe billing
                pass

            thread secondworker:
                subscribe billing
                pass

            thread thirdworker:
                subscribe billing
                pass
            """);
        TuiScenarios.Run(state.Session!, 0, 1);
        TuiScenarios.Run(state.Session!, 1, 1);
        TuiScenarios.Run(state.Session!, 2, 1);

        var rows = FrameRenderer.Render(state, 120, 40).Split('\n');

        string[] moves = ["p2 firstworker → thirdworker", "p3 secondworker → firstworker"];
        var at = moves.Select(m => Array.FindIndex(rows, r => r.Contains(m, StringComparison.Ordinal))).ToArray();
        Assert.All(at, row => Assert.True(row >= 0, $"a move is cut or missing in\n{string.Join("\n", rows)}"));
        Assert.True(at.Distinct().Count() > 1, "both moves fit one line of the 120x40 objects panel: nothing was wrapped");
        Assert.Contains("moved  p2 firstworker → thirdworker", rows[at[0]]);

        // The assignments are cut between members too: each member's partitions stay on its line.
        var after = Array.FindIndex(rows, r => r.Contains("after  firstworker: p0, p3 · secondworker: p1", StringComparison.Ordinal));
        Assert.True(after >= 0, $"no wrapped 'after' line in\n{string.Join("\n", rows)}");
        Assert.Contains("             thirdworker: p2", rows[after + 1]);
    }

    [Theory]
    [InlineData(120, 40)]
    [InlineData(160, 48)]
    public void RunScreen_LogRebalancesAfterTheCrash_MatchesGoldenFile(int width, int height)
    {
        var state = TuiVerb.Open(Repo.Lesson("log-rebalances.ipl"), null);
        state.FileName = "lessons/log-rebalances.ipl";
        state.Session!.UseScheduler(SchedulerKind.RoundRobin);
        using var gui = new GuiHarness(state, width, height);
        gui.Type(new string(' ', 22));

        Assert.Equal(22, gui.State.Session!.Position);
        GoldenFile.Check($"gui-log-rebalances-step22-{width}x{height}", gui.Text);
    }

    /// <summary>The frame has a line with the first text, and the lines right under it hold the others, in order.</summary>
    private static void AssertLinesInOrder(string frame, params string[] texts)
    {
        var rows = frame.Split('\n');
        var first = Array.FindIndex(rows, r => r.Contains(texts[0], StringComparison.Ordinal));
        Assert.True(first >= 0, $"no line holds \"{texts[0]}\" in\n{frame}");
        for (var i = 1; i < texts.Length; i++)
        {
            Assert.Contains(texts[i], rows.ElementAtOrDefault(first + i) ?? "", StringComparison.Ordinal);
        }
    }
}
