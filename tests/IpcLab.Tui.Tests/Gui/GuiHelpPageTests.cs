using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Lessons;
using IpcLab.Tui.Tests.Views;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The help page is a view that scrolls (keys, wheel), and lists a lesson's keys after the run's.</summary>
public sealed class GuiHelpPageTests
{
    private static GuiHarness BoundedBuffer(int width, int height)
    {
        var state = TuiVerb.Open(Repo.Lesson("bounded-buffer.ipl"), null);
        state.FileName = "lessons/bounded-buffer.ipl";
        return new GuiHarness(state, width, height);
    }

    [Fact]
    public void Help_At100x30_TheLessonKeysAreBelowAndPageDownBringsThemIntoView()
    {
        using var gui = BoundedBuffer(100, 30);
        gui.Type("?");
        Assert.Contains("take one step", gui.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("show or hide the lesson's story", gui.Text, StringComparison.Ordinal);

        gui.Press(Key.PageDown);

        Assert.True(gui.Screen.HelpTop > 0);
        Assert.Contains("In a lesson", gui.Text, StringComparison.Ordinal);
        Assert.Contains("show or hide the lesson's story beside the run", gui.Text, StringComparison.Ordinal);
        Assert.Contains("cancel the judging of a fix", gui.Text, StringComparison.Ordinal);
        Assert.Equal(Screen.Help, gui.State.Screen);
    }

    [Fact]
    public void Help_WheelDownThenUp_ScrollsAndComesBackToTheTop()
    {
        using var gui = BoundedBuffer(100, 30);
        gui.Type("?");
        var (column, row) = gui.Find("take one step");

        gui.Wheel(column, row, MouseFlags.WheeledDown);
        Assert.Equal(3, gui.Screen.HelpTop);
        gui.Wheel(column, row, MouseFlags.WheeledUp);

        Assert.Equal(0, gui.Screen.HelpTop);
    }

    [Fact]
    public void Help_ClosedScrolledAndOpenedAgain_StartsAtTheTop()
    {
        using var gui = BoundedBuffer(100, 30);
        gui.Type("?");
        gui.Press(Key.End);
        Assert.True(gui.Screen.HelpTop > 0);

        gui.Type("??");

        Assert.Equal(0, gui.Screen.HelpTop);
        Assert.Contains("take one step", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_At160x48_EveryKeyFitsAndNothingScrolls()
    {
        using var gui = BoundedBuffer(160, 48);
        gui.Type("?");

        gui.Press(Key.PageDown);

        Assert.Equal(0, gui.Screen.HelpTop);
        Assert.Contains("back to the path of lessons", gui.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(160, 48)]
    public void Help_ScrolledToTheEnd_MatchesGoldenFile(int width, int height)
    {
        using var gui = BoundedBuffer(width, height);
        gui.Type("?");
        gui.Press(Key.End);

        GoldenFile.Check($"gui-help-end-{width}x{height}", gui.Text);
    }
}
