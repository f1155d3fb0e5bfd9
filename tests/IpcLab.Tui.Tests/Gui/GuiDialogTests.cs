using IpcLab.Core.Runtime;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The prompts of the Terminal.Gui run screen as dialogs: typed into, clicked, closed by Esc.</summary>
public sealed class GuiDialogTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void GoToStep_TypedNumberAndEnter_JumpsAndClosesTheDialog(int width, int height)
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), width, height);
        gui.Type("g12");
        GoldenFile.Check($"gui-dialog-go-to-step-{width}x{height}", gui.Text);
        Assert.Contains("› 12", gui.Text, StringComparison.Ordinal);

        gui.Type("\r");

        Assert.Equal(12, gui.State.Session!.Position);
        Assert.DoesNotContain("Go to step", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dialogs_OneAfterAnother_EachShowsOnlyItsOwnButtons()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Type("  ");
        gui.Press(Key.Esc);
        Assert.Contains("Leave without saving", gui.Text, StringComparison.Ordinal);
        gui.Type("n");

        gui.Type("g");

        Assert.Contains("OK", gui.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave without saving", gui.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stay", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc_InADialog_ClosesItAndNothingChanges()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Type("  e7");
        Assert.Contains("Random seed", gui.Text, StringComparison.Ordinal);

        gui.Press(Key.Esc);

        Assert.Equal(PromptKind.None, gui.State.Prompt);
        Assert.DoesNotContain("Random seed", gui.Text, StringComparison.Ordinal);
        Assert.Equal(2, gui.State.Session!.Position);
        Assert.Equal("round-robin", gui.State.Session.SchedulerText);
        Assert.Equal(Screen.Run, gui.State.Screen);
    }

    [Fact]
    public void ClickOnAWaiterButton_WakesThatWaiter()
    {
        using var dir = new TempFolder();
        var file = dir.Write("two-waiters.ipl", TuiScenarios.TwoWaiters);
        using var gui = new GuiHarness(TuiVerb.Open(file, null), 120, 40);
        gui.Type("112233");
        Assert.Contains("Wake which waiter?", gui.Text, StringComparison.Ordinal);
        var (column, row) = gui.Find("2 waiter-2 ");

        gui.PressAndRelease(column + 1, row);

        Assert.Equal(ScheduleEntry.Run(2, woken: 1), gui.State.Session!.Timeline[^1]);
        Assert.DoesNotContain("Wake which waiter?", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quit_WithUnsavedSteps_AsksInADialogAndStayKeepsTheRun()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Type("   q");
        Assert.Contains("Quit?", gui.Text, StringComparison.Ordinal);
        Assert.Contains("Quit without saving", gui.Text, StringComparison.Ordinal);
        var (column, row) = gui.Find("Stay");

        gui.PressAndRelease(column + 1, row);

        Assert.Equal(PromptKind.None, gui.State.Prompt);
        Assert.Equal(3, gui.State.Session!.Position);
        Assert.StartsWith("stayed", gui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_CrashPrompt_OffersOnlyThreadsThatCanCrashByNumber()
    {
        var state = Lesson("bounded-buffer.ipl");
        new IpcLab.Tui.App.KeyHandler(state, Path.GetTempPath()).Handle(IpcLab.Tui.Gui.GuiKeys.FromChar('c'));

        var data = PromptDialogData.Of(state)!;

        Assert.Equal("Crash a thread", data.Title);
        Assert.Equal(["1 producer-1", "2 producer-2", "3 consumer", "Cancel"], data.Choices.Select(c => c.Label));
        Assert.Equal("3\r", data.Choices[2].Keys);
    }

    [Fact]
    public void Of_WakeChoiceWithThreads1And12Waiting_Button1AddsEnterButton12DoesNot()
    {
        var state = TuiScenarios.FromText("twelve.ipl", "thread worker * 12:\n    print self\n");
        state.Prompt = PromptKind.WakeChoice;
        state.WakeChoiceThread = 2;
        state.WakeChoices = [0, 11, 1];

        var keys = PromptDialogData.Of(state)!.Choices.Select(c => c.Keys).ToList();

        Assert.Equal(["1\r", "12", "2", "\x1b"], keys);
    }

    [Fact]
    public void Of_NoPrompt_IsNull()
    {
        Assert.Null(PromptDialogData.Of(Lesson("bounded-buffer.ipl")));
    }
}
