using IpcLab.Tui.Lessons;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>A lesson on the Terminal.Gui run screen: the path on the start page, the narrative beside the run, checkpoints asked in a dialog and answered by the kernel.</summary>
public sealed class GuiLessonTests
{
    [Fact]
    public void StartPage_Enter_OpensTheNextLessonWithItsNarrative()
    {
        var kit = new LessonKit();
        using var gui = new GuiHarness(kit.StartScreen(), 120, 40);
        Assert.Contains("› ▶ 01 lost-update", gui.Text, StringComparison.Ordinal);
        Assert.Contains("· 02 if-vs-while", gui.Text, StringComparison.Ordinal);

        gui.Type("\r");

        Assert.Equal(Screen.Run, gui.State.Screen);
        Assert.Equal("lost-update", gui.State.LessonScreen.Open!.Lesson.Id);
        Assert.Equal("lessons/lost-update.ipl", gui.State.FileName);
        Assert.Contains("Lesson 01 · The lost update", gui.Text, StringComparison.Ordinal);
        Assert.Contains("The photo studio's web service takes", gui.Text, StringComparison.Ordinal);
        Assert.Contains(Story(gui), l => l == "◆ checkpoint 1 · at step 1 · the run pauses here next");
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void LessonPane_LostUpdateAtStart_MatchesGoldenFile(int width, int height)
    {
        using var gui = new LessonKit().Gui("lost-update", width, height);

        GoldenFile.Check($"gui-lesson-lost-update-{width}x{height}", gui.Text);
    }

    [Fact]
    public void KeyL_HidesAndShowsThePane()
    {
        using var gui = new LessonKit().Gui("lost-update", 160, 48);

        gui.Type("l");
        Assert.DoesNotContain("Lesson 01", gui.Text, StringComparison.Ordinal);
        Assert.Contains("Events · newest last", gui.Text, StringComparison.Ordinal);

        gui.Type("l");
        Assert.Contains("Lesson 01", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PageDown_LongNarrative_ScrollsThePane()
    {
        using var gui = new LessonKit().Gui("lost-update", 100, 30);
        Assert.Contains("The lost update", gui.Text, StringComparison.Ordinal);

        gui.Press(Key.PageDown);

        Assert.True(gui.State.LessonScreen.PaneScroll > 0);
        Assert.DoesNotContain("The photo studio's web service", gui.Text, StringComparison.Ordinal);
        gui.Press(Key.PageUp);
        Assert.Equal(0, gui.State.LessonScreen.PaneScroll);
    }

    [Fact]
    public void Checkpoint_StepReachesIt_RunPausesAndAsksInADialog()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);

        gui.Type(" ");

        Assert.Equal(LessonDialogKind.Question, gui.State.LessonScreen.Dialog!.Kind);
        GoldenFile.Check("gui-lesson-checkpoint-120x40", gui.Text);

        gui.Type("  ");
        Assert.Equal(1, gui.State.Session!.Position);
        Assert.Equal("", gui.State.LessonScreen.Dialog!.Input);
    }

    [Fact]
    public void Checkpoints_OneWrongOneRight_SaysTheKernelsReasonAndKeepsOnlyTheRightOne()
    {
        var kit = new LessonKit();
        using var gui = kit.Gui("lost-update", 120, 40);

        gui.Type(" 1\r");
        Assert.Contains("not quite: the answer is 0", gui.Text, StringComparison.Ordinal);
        Assert.Contains("why: count is 0, its initial value", gui.Text, StringComparison.Ordinal);
        Assert.Empty(kit.Progress.CheckpointsOf("lost-update"));

        gui.Type("\r   ");
        Assert.Equal(4, gui.State.Session!.Position);
        Assert.Equal(2, gui.State.LessonScreen.Dialog!.Checkpoint!.Number);
        gui.Type("2\r");

        Assert.Contains("right: 2", gui.Text, StringComparison.Ordinal);
        Assert.Contains("why: count is 2 (step 4: adder-2 writes count = 2)", gui.Text, StringComparison.Ordinal);
        Assert.Equal([2], kit.Progress.CheckpointsOf("lost-update"));
        Assert.Contains("\"checkpoints\": [\n        2\n      ]", kit.Saves[^1], StringComparison.Ordinal);
        gui.Type("\r");
        Assert.Null(gui.State.LessonScreen.Dialog);
        Assert.Contains(Story(gui), l => l == "◆ checkpoint 2 · at end · ✓ answered right");
        Assert.Contains(Story(gui), l => l == "◆ checkpoint 1 · at step 1 · asked");
    }

    [Fact]
    public void Checkpoint_Esc_SkipsItAndTheRunGoesOn()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);

        gui.Type(" \u001b ");

        Assert.Null(gui.State.LessonScreen.Dialog);
        Assert.Equal(2, gui.State.Session!.Position);
        Assert.Equal(Screen.Run, gui.State.Screen);
    }

    [Fact]
    public void Checkpoint_FirstEventPause_AsksRightAfterTheStepThatEmitsIt()
    {
        using var gui = new LessonKit().Gui("if-vs-while", 120, 40);

        for (var i = 0; i < 40 && gui.State.LessonScreen.Dialog is null; i++)
        {
            gui.Type(" ");
        }

        var dialog = gui.State.LessonScreen.Dialog!;
        Assert.Equal(1, dialog.Checkpoint!.Number);
        Assert.Contains(gui.State.Session!.Kernel.Events, e => dialog.Checkpoint.At.Matches(e, gui.State.Session.Kernel));
        Assert.DoesNotContain(gui.State.Session.Kernel.Events.SkipLast(gui.State.Session.Kernel.Events.Count(e => e.Step == gui.State.Session.Position)), e => dialog.Checkpoint.At.Matches(e, gui.State.Session.Kernel));
    }

    [Fact]
    public void KeyP_NextProgram_OpensItsRunAndItsSection()
    {
        using var gui = new LessonKit().Gui("lost-update", 160, 48);

        gui.Type("p");

        Assert.Equal("lessons/lost-update-fix.ipl", gui.State.FileName);
        Assert.Contains("The fix: a mutex", gui.Text, StringComparison.Ordinal);
        Assert.Equal(0, gui.State.Session!.Position);
    }

    [Fact]
    public void BarePane_ProgramWithoutLesson_ShowsItsHeaderCommentOnL()
    {
        var state = TuiVerb.Open(Repo.Lesson("lost-update.ipl"), null);
        state.FileName = "lessons/lost-update.ipl";
        using var gui = new GuiHarness(state, 160, 48);
        Assert.DoesNotContain("About this program", gui.Text, StringComparison.Ordinal);

        gui.Type("l");

        Assert.Contains("About this program", gui.Text, StringComparison.Ordinal);
        Assert.Contains("Two threads add 1 to a shared counter without a lock", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_ClickOnAThreadWhileAsked_TheRunStaysAtThePause()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);
        gui.Type(" ");
        var (column, row) = gui.Find("2 adder-2");

        gui.Click(column + 2, row);

        Assert.Equal(1, gui.State.Session!.Position);
        Assert.Equal(LessonDialogKind.Question, gui.State.LessonScreen.Dialog!.Kind);
    }

    /// <summary>The whole narrative of the pane as plain lines (the screen shows a window of it).</summary>
    private static IEnumerable<string> Story(GuiHarness gui) => LessonPaneView.Lines(gui.State, 60).Select(MarkupRuns.Plain);

    [Fact]
    public void Checkpoint_Asked_ThePaneScrollsItIntoView()
    {
        using var gui = new LessonKit().Gui("lost-update", 100, 30);
        Assert.DoesNotContain("◆ checkpoint 2", gui.Text, StringComparison.Ordinal);

        gui.Type(" \u001b   ");

        Assert.Equal(2, gui.State.LessonScreen.Dialog!.Checkpoint!.Number);
        Assert.True(gui.State.LessonScreen.PaneScroll > 0);
        gui.Type("\u001b");
        Assert.Contains("◆ checkpoint 2 · at end", gui.Text, StringComparison.Ordinal);
    }
}
