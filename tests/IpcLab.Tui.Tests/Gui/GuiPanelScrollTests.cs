using IpcLab.Tui.Tests.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The wheel over the threads and objects panels of the Terminal.Gui run screen: every thread and object can be brought into view.</summary>
public sealed class GuiPanelScrollTests
{
    /// <summary>Thirty threads, more than a 100x30 threads panel can name.</summary>
    private const string ManyThreads = """
        mutex m

        thread worker * 30:
            lock m
            print "in"
            unlock m
        """;

    /// <summary>Thirty mutexes, more than the objects panel has lines for.</summary>
    private static string ManyObjects =>
        string.Join('\n', Enumerable.Range(1, 30).Select(i => $"mutex lock{i:00}")) + "\n\nthread t:\n    lock lock01\n    unlock lock01\n";

    [Fact]
    public void WheelOverThreads_LongProgram_ReachesTheLastThreadAndAKeyReturnsToTheFirst()
    {
        using var gui = new GuiHarness(TuiScenarios.FromText("many.ipl", ManyThreads), 100, 30);
        Assert.DoesNotContain("worker-30", gui.Text, StringComparison.Ordinal);
        var (column, row) = gui.Find("worker-1 ");

        for (var i = 0; i < 40; i++)
        {
            gui.Wheel(column, row, MouseFlags.WheeledDown);
        }

        Assert.Equal(29, gui.State.ThreadsScrolled);
        Assert.Contains("worker-30", gui.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("worker-1 ", gui.Text, StringComparison.Ordinal);

        gui.Wheel(column, row, MouseFlags.WheeledUp);
        Assert.Equal(28, gui.State.ThreadsScrolled);
        Assert.Contains("worker-29", gui.Text, StringComparison.Ordinal);

        gui.Type(" ");
        Assert.Equal(0, gui.State.ThreadsScrolled);
        Assert.Contains("worker-1 ", gui.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void WheelOverThreads_ScrolledToTheTenth_MatchesGoldenFile(int width, int height)
    {
        using var gui = new GuiHarness(TuiScenarios.FromText("many.ipl", ManyThreads), width, height);
        var (column, row) = gui.Find("worker-1 ");
        for (var i = 0; i < 9; i++)
        {
            gui.Wheel(column, row, MouseFlags.WheeledDown);
        }

        GoldenFile.Check($"gui-threads-scrolled-{width}x{height}", gui.Text);
    }

    [Fact]
    public void WheelOverObjects_ManyObjects_StopsAtTheLastAndTheWheelUpMovesAtOnce()
    {
        using var gui = new GuiHarness(TuiScenarios.FromText("objects.ipl", ManyObjects), 100, 30);
        Assert.DoesNotContain("lock30", gui.Text, StringComparison.Ordinal);
        var (column, row) = gui.Find("lock02");

        for (var i = 0; i < 40; i++)
        {
            gui.Wheel(column, row, MouseFlags.WheeledDown);
        }

        var bottom = gui.State.ObjectsScrolled;
        Assert.InRange(bottom, 1, 29);
        Assert.Contains("lock30", gui.Text, StringComparison.Ordinal);
        Assert.Contains("lines above (wheel up)", gui.Text, StringComparison.Ordinal);

        gui.Wheel(column, row, MouseFlags.WheeledUp);
        Assert.Equal(bottom - 1, gui.State.ObjectsScrolled);
        Assert.DoesNotContain("lock30", gui.Text, StringComparison.Ordinal);

        gui.Type(" ");
        Assert.Equal(0, gui.State.ObjectsScrolled);
        Assert.Contains("lock01", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickOnThread_WhileScrolled_KeepsTheScroll()
    {
        using var gui = new GuiHarness(TuiScenarios.FromText("many.ipl", ManyThreads), 100, 30);
        var (column, row) = gui.Find("worker-1 ");
        gui.Wheel(column, row, MouseFlags.WheeledDown);
        var (at, line) = gui.Find("3 worker-3");

        gui.Click(at + 2, line);

        Assert.Equal(1, gui.State.Session!.Position);
        Assert.Equal(1, gui.State.ThreadsScrolled);
    }
}
