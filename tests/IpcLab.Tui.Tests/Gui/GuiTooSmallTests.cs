using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>A window too small to draw the run: the notice, and auto-run pauses instead of running on unseen.</summary>
public sealed class GuiTooSmallTests
{
    [Fact]
    public void AutoRun_WindowShrinksBelowTheMinimum_PausesAndSaysWhy()
    {
        using var gui = new GuiHarness(TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), null), 120, 40);
        gui.Type("r");
        gui.Wait(gui.State.SpeedMs);
        var position = gui.State.Session!.Position;
        Assert.True(position > 0);

        gui.Resize(90, 30);
        gui.Wait(5 * gui.State.SpeedMs);

        Assert.False(gui.State.Running);
        Assert.Equal(position, gui.State.Session.Position);
        Assert.Equal("paused: the window was 90x30, too small to draw the run (r runs on)", gui.State.Status);
        Assert.Contains("IpcLab needs at least 100x30", gui.Text, StringComparison.Ordinal);
        gui.Resize(120, 40);
        Assert.Contains("r runs on", gui.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(99, 30)]
    [InlineData(60, 20)]
    [InlineData(40, 12)]
    public void Notice_WindowBelowTheMinimum_IsCentredInTheScreen(int width, int height)
    {
        using var gui = new GuiHarness(TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), null), width, height);

        var rows = gui.Text.Split('\n');
        var notice = Enumerable.Range(1, height - 1).Where(r => rows[r].Trim().Length > 0).ToList();
        Assert.NotEmpty(notice);
        Assert.Equal(Enumerable.Range(notice[0], notice.Count), notice);
        Assert.Equal(string.Join(" ", notice.Select(r => rows[r].Trim())), TooSmallView.Message(width, height));
        Assert.InRange(notice[0] - (height - 1 - notice[^1]), -1, 1);
        foreach (var r in notice)
        {
            var left = rows[r].Length - rows[r].TrimStart().Length;
            var right = width - rows[r].Length;
            Assert.InRange(left - right, -1, 1);
        }
    }
}
