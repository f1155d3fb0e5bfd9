using IpcLab.Tui.Tests.App;

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
}
