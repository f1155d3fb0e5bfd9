using IpcLab.Tui.Lessons;
using IpcLab.Tui.Tests.Gui;
using IpcLab.Tui.Tests.Views;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>
/// A dialog over a lesson: the Quit prompt is drawn whole over the lesson pane, and a checkpoint's
/// question takes only the keys typed once it is on the screen.
/// </summary>
public sealed class GuiLessonDialogOrderTests
{
    [Theory]
    [InlineData(120, 40)]
    [InlineData(160, 48)]
    public void QuitDialog_AfterTwoCheckpoints_IsDrawnWholeOverTheLessonPane(int width, int height)
    {
        using var gui = new LessonKit().Gui("lost-update", width, height);
        gui.Type(" 0\r\r   2\r\r");
        Assert.Null(gui.State.LessonScreen.Dialog);
        Assert.Equal(4, gui.State.Session!.Position);

        gui.Type("q");

        Assert.Equal(PromptKind.ConfirmQuit, gui.State.Prompt);
        AssertBoxIsWhole(gui.Text, "┏", "┓", "┗", "┛", "┃");
        GoldenFile.Check($"gui-lesson-quit-after-checkpoint-2-{width}x{height}", gui.Text);
    }

    [Fact]
    public void Checkpoint_KeysTypedBeforeItsDialogIsDrawn_DoNotAnswerIt()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);

        // The step that reaches checkpoint 1 and the keys typed right after it, all read before the
        // next frame: the dialog was not on the screen when "1", space and Enter were typed.
        gui.TypeBeforeTheNextFrame(" 1 \r");

        var dialog = gui.State.LessonScreen.Dialog!;
        Assert.Equal(LessonDialogKind.Question, dialog.Kind);
        Assert.Equal("", dialog.Input);
        Assert.Equal(1, gui.State.Session!.Position);
        Assert.Contains("your answer: ▏", gui.Text, StringComparison.Ordinal);

        gui.Type("0\r");

        Assert.Equal(LessonDialogKind.Answered, dialog.Kind);
        Assert.True(dialog.Right);
    }

    [Fact]
    public void Checkpoint_SpacesTypedOnceItIsDrawn_AreNoAnswer()
    {
        var kit = new LessonKit();
        using var gui = kit.Gui("lost-update", 120, 40);
        gui.Type(" ");
        var dialog = gui.State.LessonScreen.Dialog!;

        // Space held down to step on keeps repeating after the dialog shows.
        gui.Type("   \r");

        Assert.Equal(LessonDialogKind.Question, dialog.Kind);
        Assert.Equal("", dialog.Input);
        Assert.Null(dialog.Answer);
        Assert.Empty(kit.Progress.CheckpointsOf("lost-update"));
        Assert.Equal(1, gui.State.Session!.Position);
        gui.Type("no one\r");
        Assert.Equal("no one", dialog.Input);
        Assert.Equal(LessonDialogKind.Answered, dialog.Kind);
    }

    [Fact]
    public void AnsweredCheckpoint_EnterTypedBeforeTheVerdictIsDrawn_DoesNotCloseIt()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);
        gui.Type(" ");

        gui.TypeBeforeTheNextFrame("0\r\r ");

        Assert.Equal(LessonDialogKind.Answered, gui.State.LessonScreen.Dialog!.Kind);
        Assert.Contains("right: 0", gui.Text, StringComparison.Ordinal);
        Assert.Equal(1, gui.State.Session!.Position);
        gui.Type("\r");
        Assert.Null(gui.State.LessonScreen.Dialog);
    }

    /// <summary>The box drawn with these corners and side is whole: both sides on every row between its top and bottom.</summary>
    private static void AssertBoxIsWhole(string screen, string topLeft, string topRight, string bottomLeft, string bottomRight, string side)
    {
        var rows = screen.Split('\n');
        var top = Array.FindIndex(rows, r => r.Contains(topLeft, StringComparison.Ordinal));
        Assert.True(top >= 0, $"no dialog on the screen:\n{screen}");
        var left = rows[top].IndexOf(topLeft, StringComparison.Ordinal);
        var right = rows[top].IndexOf(topRight, left, StringComparison.Ordinal);
        Assert.True(right > left, $"the dialog's top edge has no right corner:\n{screen}");
        var bottom = Array.FindIndex(rows, top + 1, r => r.Length > right && r.Substring(left, 1) == bottomLeft);
        Assert.True(bottom > top, $"the dialog has no bottom edge:\n{screen}");
        Assert.Equal(bottomRight, rows[bottom].Substring(right, 1));
        for (var r = top + 1; r < bottom; r++)
        {
            Assert.True(rows[r].Length > right && rows[r].Substring(left, 1) == side && rows[r].Substring(right, 1) == side, $"row {r} of the dialog is not whole:\n{screen}");
        }
    }
}
