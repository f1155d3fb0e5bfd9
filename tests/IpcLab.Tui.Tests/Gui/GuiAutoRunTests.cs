using IpcLab.Tui.Tests.App;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>Auto-run on the Terminal.Gui screen keeps the speed of the clock, however late the timer's ticks come.</summary>
public sealed class GuiAutoRunTests
{
    [Fact]
    public void AutoRun_TicksComingLate_StillStepsAtTheSpeedOfTheClock()
    {
        using var gui = new GuiHarness(TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), null), 100, 30);
        gui.Type("r");

        gui.WaitWithLateTicks(1500, 100);

        Assert.Equal(5, gui.State.Session!.Position);
    }
}
