using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The output and locals pane: print output apart from the events, locals and the register of a split line, final checks before they fail.</summary>
public sealed class GuiOutputTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    private static string Pane(TuiState state) => string.Join("\n", OutputView.Lines(state.Session!.Kernel, 60, 30).Select(MarkupRuns.Plain));

    [Fact]
    public void Lines_LostUpdateBothLoaded_ShowEachRegisterAndTheCheckFalseBeforeTheEnd()
    {
        var state = Lesson("lost-update.ipl");
        state.Session!.StepThread(0);
        state.Session.StepThread(1);

        var pane = Pane(state);

        Assert.Contains("expect count == 2 → false", pane, StringComparison.Ordinal);
        Assert.Contains("1 adder-1: register count = 0 (not yet written back)", pane, StringComparison.Ordinal);
        Assert.Contains("2 adder-2: register count = 0 (not yet written back)", pane, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_LostUpdateOneWroteBack_ItsRegisterIsGoneAndTheOtherStays()
    {
        var state = Lesson("lost-update.ipl");
        state.Session!.StepThread(0);
        state.Session.StepThread(1);
        state.Session.StepThread(0);

        var pane = Pane(state);

        Assert.DoesNotContain("adder-1: register", pane, StringComparison.Ordinal);
        Assert.Contains("2 adder-2: register count = 0", pane, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_LostUpdateOneAfterTheOther_TheCheckHolds()
    {
        var state = Lesson("lost-update.ipl");
        foreach (var t in new[] { 0, 0, 1, 1 })
        {
            state.Session!.StepThread(t);
        }

        Assert.Contains("expect count == 2 → true", Pane(state), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_BoundedBufferAfterAPrint_ShowsThePrintedTextAndTheLocals()
    {
        var state = Lesson("bounded-buffer.ipl");
        state.Session!.RunUntil(e => e.Kind == Core.Runtime.EventKind.Printed);

        var pane = Pane(state);

        Assert.Matches(@"\d+  consumer: job producer-\d\.1", pane);
        Assert.Contains("3 consumer: job = \"job producer-", pane, StringComparison.Ordinal);
        Assert.Contains("1 producer-1: i = ", pane, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyO_OnTheRunScreen_SwapsTheEventsForThePaneAndBack()
    {
        using var gui = new GuiHarness(Lesson("lost-update.ipl"), 100, 30);
        gui.Type("12");
        Assert.Contains("Events · newest last", gui.Text, StringComparison.Ordinal);

        gui.Type("o");
        GoldenFile.Check("gui-output-lost-update-100x30", gui.Text);
        Assert.Contains("Output · locals · checks", gui.Text, StringComparison.Ordinal);
        Assert.Contains("register count = 0", gui.Text, StringComparison.Ordinal);
        Assert.Equal(2, gui.State.Session!.Position);

        gui.Type("o");
        Assert.Contains("Events · newest last", gui.Text, StringComparison.Ordinal);
    }
}
