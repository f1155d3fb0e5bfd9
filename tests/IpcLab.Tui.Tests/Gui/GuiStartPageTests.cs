using IpcLab.Tui.Tests.Lessons;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The start page with the mouse: a click chooses, a click on the chosen entry or a double click opens, the wheel moves the choice; the next lesson is chosen first.</summary>
public sealed class GuiStartPageTests
{
    [Fact]
    public void StartPage_LessonOneDone_HighlightStartsOnLessonTwo()
    {
        var kit = new LessonKit();
        kit.Progress.Solved("lost-update", 1);
        kit.Progress.Solved("lost-update", 2);

        using var gui = new GuiHarness(kit.StartScreen(), 120, 40);

        Assert.Contains("› ▶ 02 if-vs-while", gui.Text, StringComparison.Ordinal);
        Assert.Contains("  ✓ 01 lost-update", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Click_AnEntryThenAgain_ChoosesItWithoutMovingItThenOpensIt()
    {
        using var gui = new GuiHarness(new LessonKit().StartScreen(), 120, 40);
        var (column, row) = gui.Find("bounded-buffer ");

        gui.Click(column, row);
        Assert.Equal(Screen.Start, gui.State.Screen);
        Assert.Equal("bounded-buffer", gui.State.Lessons[gui.State.LessonIndex].Name);
        Assert.Contains("› bounded-buffer", gui.Text, StringComparison.Ordinal);

        Assert.Equal((column, row), gui.Find("bounded-buffer "));
        var lesson = gui.Find("01 lost-update");
        gui.Click(lesson.Column, lesson.Row);
        Assert.Equal(Screen.Start, gui.State.Screen);

        gui.Click(lesson.Column, lesson.Row);

        Assert.Equal(Screen.Run, gui.State.Screen);
        Assert.Equal("lost-update", gui.State.LessonScreen.Open!.Lesson.Id);
    }

    [Fact]
    public void DoubleClick_ALesson_OpensIt()
    {
        using var gui = new GuiHarness(new LessonKit().StartScreen(), 120, 40);
        var (column, row) = gui.Find("01 lost-update");

        gui.Mouse(column, row, MouseFlags.LeftButtonDoubleClicked);

        Assert.Equal(Screen.Run, gui.State.Screen);
        Assert.Equal("lost-update", gui.State.LessonScreen.Open!.Lesson.Id);
    }

    [Fact]
    public void Click_AHeading_ChoosesNothing()
    {
        using var gui = new GuiHarness(new LessonKit().StartScreen(), 120, 40);
        var before = gui.State.LessonIndex;
        var (column, row) = gui.Find("The path of lessons");

        gui.Click(column, row);

        Assert.Equal(before, gui.State.LessonIndex);
        Assert.Equal(Screen.Start, gui.State.Screen);
    }

    [Fact]
    public void Wheel_DownTwiceUpOnce_MovesTheChoiceByOne()
    {
        using var gui = new GuiHarness(new LessonKit().StartScreen(), 120, 40);
        var before = gui.State.LessonIndex;
        var (column, row) = gui.Find("01 lost-update");

        gui.Wheel(column, row, MouseFlags.WheeledDown);
        gui.Wheel(column, row, MouseFlags.WheeledDown);
        gui.Wheel(column, row, MouseFlags.WheeledUp);

        Assert.Equal(before + 1, gui.State.LessonIndex);
    }
}
