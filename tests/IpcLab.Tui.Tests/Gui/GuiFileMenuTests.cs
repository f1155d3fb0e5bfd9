using IpcLab.Tui.App;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Views;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>The File menu (open a script or a saved run, save, quit) and the hint line whose hints are clicked like keys.</summary>
public sealed class GuiFileMenuTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    private static void OpenFromMenu(GuiHarness gui)
    {
        var (column, row) = gui.Find("File");
        gui.PressAndRelease(column, row);
        (column, row) = gui.Find("Open script or saved run");
        gui.PressAndRelease(column, row);
    }

    [Fact]
    public void FileMenu_Open_MatchesGoldenFile()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 160, 48);
        var (column, row) = gui.Find("File");

        gui.PressAndRelease(column, row);

        GoldenFile.Check("gui-menu-file-open-160x48", gui.Text);
    }

    [Fact]
    public void Open_SavedRunOfADeadlock_OpensAtItsEndWithTheDeadlockAndTheWholeTimeline()
    {
        using var dir = new TempFolder();
        var cargill = Lesson("cargill-deadlock.ipl");
        var shortest = BugFinder.OpenShortest(cargill.Session!.Program, BugFinder.Check(cargill.Session.Program))!;
        var saved = RunFiles.Save(shortest, dir.File("dead.run.json"));
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Screen.ChooseFile = () => saved;

        OpenFromMenu(gui);

        var session = gui.State.Session!;
        Assert.Equal(shortest.Timeline, session.Timeline);
        Assert.Equal(session.Timeline.Count, session.Position);
        Assert.Contains(session.Kernel.Findings, f => f.Kind == Core.Runtime.FindingKind.Deadlock);
        Assert.Equal(0, gui.State.UnsavedSteps);
        Assert.StartsWith($"opened {saved} at its end", gui.State.Status, StringComparison.Ordinal);
        Assert.Contains("cargill-deadlock.ipl", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ScriptThatDoesNotCompile_SaysWhereAndKeepsTheRun()
    {
        using var dir = new TempFolder();
        var bad = dir.Write("bad.ipl", "mutex m\nthread t:\n    lok m\n");
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        var before = gui.State.Session;
        gui.Screen.ChooseFile = () => bad;

        OpenFromMenu(gui);

        Assert.Same(before, gui.State.Session);
        Assert.StartsWith($"{bad}:3:5: ", gui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WithStepsNotSaved_AsksFirstThenOpensOnTheSecondTry()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        var asked = 0;
        gui.Screen.ChooseFile = () =>
        {
            asked++;
            return Repo.Lesson("lost-update.ipl");
        };
        gui.Type("  ");

        OpenFromMenu(gui);
        Assert.Equal(0, asked);
        Assert.Equal("this run's 2 steps are not saved: S saves them; File › Open again opens another file anyway", gui.State.Status);

        OpenFromMenu(gui);
        Assert.Equal(1, asked);
        Assert.EndsWith("lost-update.ipl", gui.State.FileName, StringComparison.Ordinal);
        Assert.Equal(0, gui.State.Session!.Position);
    }

    [Fact]
    public void Open_Cancelled_ChangesNothing()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        var before = gui.State.Session;
        gui.Screen.ChooseFile = () => null;

        OpenFromMenu(gui);

        Assert.Same(before, gui.State.Session);
        Assert.Equal("nothing opened (the file dialog was cancelled)", gui.State.Status);
    }

    [Fact]
    public void ClickOnAHint_RunPause_PressesItsKey()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        gui.Type(" ");
        var (column, row) = gui.Find("r run/pause │");

        gui.PressAndRelease(column + 3, row);

        Assert.True(gui.State.Running);
    }

    [Fact]
    public void HintLine_IsAStatusBarWithAShortcutAHintAndAPromptTakesItsPlace()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        var bar = gui.Screen.SubViews.OfType<Terminal.Gui.Views.StatusBar>().Single();

        Assert.True(bar.Visible);
        Assert.Equal(StatusBarView.RunKeys.Split(StatusHints.Separator), bar.SubViews.OfType<Terminal.Gui.Views.Shortcut>().Select(s => s.Title));

        gui.Type("g");

        Assert.False(bar.Visible);
        Assert.EndsWith("go to step: type its number, Enter jumps (Esc cancels)", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickOnAHint_Space_TakesAStep()
    {
        using var gui = new GuiHarness(Lesson("bounded-buffer.ipl"), 100, 30);
        var (column, row) = gui.Find("space step │ b back");

        gui.PressAndRelease(column + 1, row);

        Assert.Equal(1, gui.State.Session!.Position);
    }

    [Theory]
    [InlineData(0, ' ')]
    [InlineData(9, ' ')]
    [InlineData(13, 'b')]
    [InlineData(10, null)]
    [InlineData(22, null)]
    public void KeyAt_HintLine_TheHintsKeyOrNothingBetweenAndForRanges(int column, char? expected) =>
        Assert.Equal(expected, StatusHints.KeyAt(StatusBarView.RunKeys, column));
}
