using IpcLab.Core.Sessions;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Tests.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>
/// A message's path from the objects panel (] [ choose a message there, x opens its path; a click
/// on it opens it), and Esc leaving the broker page and the output pane before it leaves the run.
/// </summary>
public sealed class GuiMessagePathKeysTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        state.Session!.UseScheduler(SchedulerKind.RoundRobin);
        return state;
    }

    [Fact]
    public void Esc_OnTheBrokerPage_LeavesItForTheThreadsAndStaysOnTheRun()
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type("x" + new string(' ', 5));
        Assert.Contains("Broker · x: back to the threads", gui.Text, StringComparison.Ordinal);

        gui.Press(Key.Esc);

        Assert.Equal(Screen.Run, state.Screen);
        Assert.Equal(PromptKind.None, state.Prompt);
        Assert.Equal(5, state.Session!.Kernel.StepCount);
        Assert.Contains("Threads", gui.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Broker · x", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc_Twice_LeavesTheBrokerPageThenAsksBeforeLeavingTheRun()
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type("x" + new string(' ', 5));

        gui.Type("\x1b\x1b");

        Assert.Equal(PromptKind.ConfirmBack, state.Prompt);
    }

    [Fact]
    public void Esc_OnTheOutputPane_GivesTheEventsBack()
    {
        var state = Lesson("lost-update.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type(" o");
        Assert.Contains("Output · locals · checks", gui.Text, StringComparison.Ordinal);

        gui.Press(Key.Esc);

        Assert.Equal(PromptKind.None, state.Prompt);
        Assert.Equal(Screen.Run, state.Screen);
        Assert.Contains("Events · newest last", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyBracket_OnTheRunScreen_ChoosesAMessageInTheObjectsPanelAndXOpensItsPath()
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);
        gui.Type(new string(' ', 9));

        gui.Type("]");

        Assert.Equal(3, state.ChosenMessage);
        Assert.Contains("›●3 \"kernel booted\"", gui.Text, StringComparison.Ordinal);
        Assert.Contains("x opens its path", state.Status, StringComparison.Ordinal);
        gui.Type("]");
        Assert.Equal(1, state.ChosenMessage);

        gui.Type("x");

        Assert.Equal(1, gui.Screen.BrokerPane.Message);
        Assert.Equal(0, state.ChosenMessage);
        Assert.Contains("Path of ●1 \"disk failure\"", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyBracket_NothingInTheBroker_SaysSoAndChoosesNothing()
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 120, 40);

        gui.Type("[");

        Assert.Equal(0, state.ChosenMessage);
        Assert.Contains("no message is in the broker now", state.Status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("●2 \"mailbox full\"", 2)]
    [InlineData("#1 ●1 \"disk failure\"", 1)]
    public void Click_OnAMessageInTheObjectsPanel_OpensItsPath(string shown, int label)
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, 160, 48);
        gui.Type(new string(' ', 15));
        var (column, row) = gui.Find(shown);

        gui.Click(column + shown.Length - 2, row);

        Assert.Equal(label, gui.Screen.BrokerPane.Message);
        Assert.Contains($"Path of ●{label} ", gui.Text, StringComparison.Ordinal);
        Assert.Equal(15, state.Session!.Kernel.StepCount);
    }

    [Theory]
    [InlineData(120, 40)]
    [InlineData(160, 48)]
    public void KeyBracket_ChosenMessage_IsMarkedInTheObjectsPanel(int width, int height)
    {
        var state = Lesson("broker-topic-logs.ipl");
        using var gui = new GuiHarness(state, width, height);
        gui.Type(new string(' ', 15) + "]]");

        GoldenFile.Check($"gui-broker-objects-chosen-{width}x{height}", gui.Text);
    }
}
