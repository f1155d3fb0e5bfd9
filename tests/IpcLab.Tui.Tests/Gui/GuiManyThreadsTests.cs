using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>Threads past the ninth on the Terminal.Gui run screen: no key runs them, so their number is shown and a click runs them.</summary>
public sealed class GuiManyThreadsTests
{
    private const string Twelve = "thread worker * 12:\n    print self\n    print self\n";

    [Fact]
    public void ThreadsPanel_TwelveThreads_ShowsEveryThreadsNumber()
    {
        using var gui = new GuiHarness(TuiScenarios.FromText("twelve.ipl", Twelve), 120, 40);

        Assert.Contains("9 worker-9", gui.Text, StringComparison.Ordinal);
        Assert.Contains("10 worker-10", gui.Text, StringComparison.Ordinal);
        Assert.Contains("12 worker-12", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Click_ThreadTwelvesHeader_RunsThreadTwelve()
    {
        using var gui = new GuiHarness(TuiScenarios.FromText("twelve.ipl", Twelve), 120, 40);
        var (column, row) = gui.Find("12 worker-12");

        gui.Click(column + 3, row);

        Assert.Equal(1, gui.State.Session!.Position);
        Assert.Equal(11, gui.State.Session.LastThread);
    }
}
