using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Lessons;
using IpcLab.Tui.Tests.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The start page with the mouse: a click chooses, a click on the chosen entry or a double click opens, the wheel scrolls the list; the next lesson is chosen first.</summary>
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
    public void Wheel_DownOverTheList_ScrollsItAndKeepsTheChoiceUntilAKeyMovesIt()
    {
        using var gui = new GuiHarness(WithEveryProgram(), 100, 30);
        var before = gui.State.LessonIndex;
        var (column, row) = gui.Find("01 lost-update");

        for (var i = 0; i < 6; i++)
        {
            gui.Wheel(column, row, MouseFlags.WheeledDown);
        }

        Assert.Equal(before, gui.State.LessonIndex);
        Assert.DoesNotContain("01 lost-update", gui.Text, StringComparison.Ordinal);

        gui.Press(Key.CursorDown);

        Assert.Equal(before + 1, gui.State.LessonIndex);
        Assert.Contains("› · 02 if-vs-while", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_DownAndUp_MoveTheListsSelectionWithTheChoice()
    {
        using var gui = new GuiHarness(new LessonKit().StartScreen(), 100, 30);

        gui.Press(Key.CursorDown);
        gui.Press(Key.CursorDown);
        gui.Press(Key.CursorUp);

        Assert.Equal(1, gui.State.LessonIndex);
        var list = gui.Screen.SubViews.OfType<Terminal.Gui.Views.ListView>().Single();
        Assert.Equal(2, list.SelectedItem);
        Assert.Equal("› · 02 if-vs-while", ((string)list.Source!.ToList()[list.SelectedItem!.Value]!)[..18]);
    }

    [Fact]
    public void Keys_DownPastTheBottomOfThePage_ScrollTheListToKeepTheChoiceInView()
    {
        using var gui = new GuiHarness(WithEveryProgram(), 100, 30);

        for (var i = 0; i < 40; i++)
        {
            gui.Press(Key.CursorDown);
        }

        var chosen = gui.State.Lessons[gui.State.LessonIndex].Name;
        Assert.Contains($"› {chosen}", gui.Text.Replace("› ▶ ", "› ", StringComparison.Ordinal).Replace("› · ", "› ", StringComparison.Ordinal).Replace("› ✓ ", "› ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("01 lost-update", gui.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void StartPage_AsAListView_MatchesGoldenFile(int width, int height)
    {
        using var gui = new GuiHarness(WithEveryProgram(), width, height);

        GoldenFile.Check($"gui-start-{width}x{height}", gui.Text);
    }

    /// <summary>The path of lessons and, under it, every program in lessons/: longer than a page at 100x30 or 160x48.</summary>
    private static TuiState WithEveryProgram()
    {
        var kit = new LessonKit();
        var folder = Path.GetDirectoryName(Repo.Lesson("bounded-buffer.ipl"))!;
        var programs = Directory.GetFiles(folder, "*.ipl").Order(StringComparer.Ordinal)
            .Select(f => new LessonEntry($"lessons/{Path.GetFileName(f)}", Path.GetFileNameWithoutExtension(f), ""))
            .ToList();
        var state = new TuiState { Lessons = programs };
        state.LessonScreen.Course = kit.Course;
        state.Lessons = kit.Course.Entries(state.Lessons);
        state.LessonIndex = kit.Course.FirstChoice(state.Lessons);
        return state;
    }
}
