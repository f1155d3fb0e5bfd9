using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The run screen's layout shows the code that matters: threads that do not fit one column go in two, the right-hand panels keeping what they need.</summary>
public sealed class GuiLayoutTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    [Fact]
    public void SocketSelect_At120x40Step0_ShowsTheServersWholeLoopAndEveryClient()
    {
        using var gui = new GuiHarness(Lesson("socket-select.ipl"), 120, 40);

        foreach (var line in new[] { "28 while done < 3:", "45             log += msg", "46             pieces = pieces + 1", "48 close lfd", "4 client-3", "55 close fd" })
        {
            Assert.Contains(line, gui.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DeliveryPatterns_At120x40Step0_ShowsEverySendWhole()
    {
        using var gui = new GuiHarness(Lesson("delivery-patterns.ipl"), 120, 40);

        var text = FrameRenderer.Unwrapped(gui.Text);
        foreach (var line in new[] { "45     unicast desk, \"worker-2\", \"unicast {i}\"", "47     multicast desk, \"multicast {i}\"", "49     broadcast desk, \"broadcast {i}\"", "51     anycast desk, \"anycast {i}\"", "52 multicast desk, \"end\"" })
        {
            Assert.Contains(text.Split('\n'), l => l.TrimEnd().EndsWith(line, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("broadcast …", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DeliveryPatterns_At120x40Step0_WrapsTheWorkersPrintUnderItsCode()
    {
        using var gui = new GuiHarness(Lesson("delivery-patterns.ipl"), 120, 40);

        var (column, row) = gui.Find("30         print \"{self} got");
        var print = column + "30         ".Length;
        var below = gui.Text.Split('\n')[row + 1];

        // The continuation starts four cells in from the statement it continues, nothing before it in the column.
        Assert.StartsWith("{message}\" ", below[(print + 4)..], StringComparison.Ordinal);
        Assert.Equal(new string(' ', print + 4 - column), below[column..(print + 4)]);
    }

    [Fact]
    public void BoundedBuffer_ThreadsFitOneColumn_StaysInOneColumn()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 120, 40);

        Assert.Contains(gui.Text.Split('\n'), l => l.StartsWith("│   2 producer-2", StringComparison.Ordinal));
        Assert.DoesNotContain(gui.Text.Split('\n'), l => l.StartsWith("│ › 1 producer-1", StringComparison.Ordinal) && l.Contains("consumer", StringComparison.Ordinal));
    }

    [Fact]
    public void Click_AThreadInTheRightColumn_RunsThatThread()
    {
        using var gui = new GuiHarness(Lesson("socket-select.ipl"), 120, 40);
        var (column, row) = gui.Find("3 client-2");

        gui.Click(column + 2, row + 2);

        Assert.Equal(2, gui.State.Session!.LastThread);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Click_OnTheRuleBetweenTheColumns_RunsNoThread(int offset)
    {
        using var gui = new GuiHarness(Lesson("socket-select.ipl"), 120, 40);
        var (column, row) = gui.Find("3 client-2");
        var rule = gui.Text.Split('\n')[row].LastIndexOf('│', column);
        var before = gui.State.Status;

        gui.Click(rule + offset, row + 2);

        Assert.Equal(0, gui.State.Session!.Position);
        Assert.Equal(before, gui.State.Status);
    }

    [Theory]
    [InlineData("socket-select", 100, 30)]
    [InlineData("socket-select", 120, 40)]
    [InlineData("socket-select", 160, 48)]
    [InlineData("delivery-patterns", 100, 30)]
    [InlineData("delivery-patterns", 120, 40)]
    [InlineData("delivery-patterns", 160, 48)]
    public void RunScreen_AtStep0_MatchesGoldenFile(string name, int width, int height)
    {
        using var gui = new GuiHarness(Lesson($"{name}.ipl"), width, height);

        GoldenFile.Check($"gui-layout-{name}-{width}x{height}", gui.Text);
    }
}
