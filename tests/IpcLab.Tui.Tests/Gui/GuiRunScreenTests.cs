using IpcLab.Core.Runtime;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The Terminal.Gui run screen: its view data, keys and fixes, and the mouse.</summary>
public sealed class GuiRunScreenTests
{
    private static TuiState BoundedBuffer() => Lesson("bounded-buffer.ipl");

    // Named as from the repository's root, so the header (and a golden frame) is the same on every machine.
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void RunScreen_BoundedBufferAtStep5_MatchesGoldenFile(int width, int height)
    {
        using var gui = new GuiHarness(BoundedBuffer(), width, height);
        gui.Type("     ");

        Assert.Equal(5, gui.State.Session!.Position);
        GoldenFile.Check($"gui-bounded-buffer-step5-{width}x{height}", gui.Text);
    }

    [Fact]
    public void Keys_SpaceBackAndThreadNumber_MoveTheRun()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 120, 40);
        gui.Type("   b");
        Assert.Equal(2, gui.State.Session!.Position);

        gui.Type("3");
        Assert.StartsWith("step 3: consumer", gui.State.Status, StringComparison.Ordinal);
        Assert.Contains("step 3: consumer", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickOnThread_BlockedThread_IsRefusedWithTheReason()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 120, 40);
        gui.Type("     ");
        var (column, row) = gui.Find("2 producer-2");

        gui.Click(column + 2, row);

        Assert.Equal(5, gui.State.Session!.Position);
        Assert.Equal("producer-2 cannot run: producer-2 waits on mutex m held by producer-1", gui.State.Status);
    }

    [Fact]
    public void ClickOnThread_ReadyThread_RunsIt()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 120, 40);
        var (column, row) = gui.Find("3 consumer");

        gui.Click(column + 2, row);

        Assert.Equal(ScheduleEntry.Run(2), Assert.Single(gui.State.Session!.Timeline));
    }

    [Fact]
    public void ClickOnEvent_GoesToItsStep()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 120, 40);
        gui.Type("        ");
        var (column, row) = gui.Find("producer-2 blocks on m");

        gui.Click(column, row);

        Assert.Equal(5, gui.State.Session!.Position);
        Assert.Equal(8, gui.State.Session.Timeline.Count);
    }

    [Fact]
    public void AutoRun_VirtualTime_StepsAtTheSpeedAndPausesAtAFinding()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer-if.ipl"), 120, 40);
        gui.Type("r");
        gui.Wait(900);
        Assert.Equal(3, gui.State.Session!.Position);

        gui.Wait(40 * 300);
        Assert.False(gui.State.Running);
        Assert.Equal(33, gui.State.Session.Position);
        Assert.Contains("paused at a finding", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc_OnRunWithSteps_AsksAndNeverQuits()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 120, 40);
        gui.Type("  ");
        gui.Press(Key.Esc);

        Assert.Equal(PromptKind.ConfirmBack, gui.State.Prompt);
        Assert.Contains("back to the programs without saving? y / S / n:", gui.Text, StringComparison.Ordinal);

        gui.Type("y");
        Assert.Equal(Screen.Start, gui.State.Screen);
        Assert.Contains("bounded-buffer", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TooSmall_Window_ShowsTheNoticeInsteadOfPanels()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 90, 30);
        Assert.Contains("terminal is 90x30; IpcLab needs at least 100x30", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickOnWaiter_WhileAskingWhichToWake_WakesThatOne()
    {
        using var dir = new TempFolder();
        var file = dir.Write("two-waiters.ipl", TuiScenarios.TwoWaiters);
        using var gui = new GuiHarness(TuiVerb.Open(file, null), 120, 40);
        gui.Type("112233");
        Assert.Equal(PromptKind.WakeChoice, gui.State.Prompt);
        var (column, row) = gui.Find("2 waiter-2");

        gui.Click(column + 2, row);

        Assert.Equal(ScheduleEntry.Run(2, woken: 1), gui.State.Session!.Timeline[^1]);
        Assert.Equal(PromptKind.None, gui.State.Prompt);
    }

    [Fact]
    public void MenuBar_F10ThenRunThenEnter_TakesAStep()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 100, 30);
        gui.Press(Key.F10);
        var (column, row) = gui.Find("Run");
        gui.Click(column, row);
        GoldenFile.Check("gui-menu-run-open-100x30", gui.Text);

        gui.Press(Key.Enter);

        Assert.Equal(1, gui.State.Session!.Position);
        Assert.StartsWith("step 1: ", gui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void MenuBar_MouseOnRunThenOnStepBack_StepsBack()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 100, 30);
        gui.Type("  ");
        var (column, row) = gui.Find("Run");
        gui.PressAndRelease(column, row);
        (column, row) = gui.Find("Step back");
        gui.PressAndRelease(column, row);

        Assert.Equal(1, gui.State.Session!.Position);
        Assert.StartsWith("step 1: ", gui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void WheelOverEvents_UpThenAKey_ScrollsBackThenReturnsToTheNewest()
    {
        using var gui = new GuiHarness(BoundedBuffer(), 120, 40);
        gui.Type("        ");
        var (column, row) = gui.Find("producer-1 loops: i = 1");
        var newest = gui.Find("8  ");

        gui.Wheel(column, row, MouseFlags.WheeledUp);
        gui.Wheel(column, row, MouseFlags.WheeledUp);
        Assert.Equal(2, gui.State.EventsScrolledBack);
        Assert.DoesNotContain(" 8  ", gui.Text.Split('\n')[newest.Row], StringComparison.Ordinal);

        gui.Wheel(column, row, MouseFlags.WheeledDown);
        Assert.Equal(1, gui.State.EventsScrolledBack);

        gui.Type("b");
        Assert.Equal(0, gui.State.EventsScrolledBack);
    }
}
