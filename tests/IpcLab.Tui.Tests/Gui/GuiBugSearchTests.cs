using IpcLab.Core.Runtime;
using IpcLab.Tui.App;
using IpcLab.Tui.Gui;
using IpcLab.Tui.Tests.App;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>Find the bug searches away from the UI thread: a progress dialog, the screen still live, Esc or Cancel stops it, the report handed back.</summary>
public sealed class GuiBugSearchTests
{
    private static TuiState Lesson(string name)
    {
        var state = TuiVerb.Open(Repo.Lesson(name), null);
        state.FileName = $"lessons/{name}";
        return state;
    }

    /// <summary>The screen with f pressed and the search held: the test runs it when it chooses.</summary>
    private static (GuiHarness Gui, Func<Action> Search) Searching(string lesson, int width = 100, int height = 30)
    {
        var gui = new GuiHarness(Lesson(lesson), width, height);
        Action? search = null;
        gui.Screen.BugSearch.Start = work =>
        {
            search = work;
            return Task.CompletedTask;
        };
        gui.Type("   f");
        return (gui, () => search!);
    }

    private static void RunOnAnotherThread(Action work)
    {
        var thread = new Thread(() => work());
        thread.Start();
        thread.Join();
    }

    [Fact]
    public void F_WhileSearching_ShowsProgressWithCancelAndTheRunStaysLive()
    {
        var (gui, _) = Searching("cargill-deadlock.ipl");
        using var _ = gui;

        Assert.Contains("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.Contains("Cancel", gui.Text, StringComparison.Ordinal);
        Assert.Contains("starting the search for a fault", gui.Text, StringComparison.Ordinal);
        Assert.True(gui.Screen.BugSearch.Busy);

        gui.Type(" 1b");
        var (column, row) = gui.Find("3 consumer-2");
        gui.Click(column + 2, row);
        gui.Resize(160, 48);

        Assert.Equal(3, gui.State.Session!.Position);
        Assert.Contains("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.Contains("Cancel", gui.Text, StringComparison.Ordinal);
        var rows = gui.Text.Split('\n');
        Assert.Equal(48, rows.Length);
        Assert.StartsWith("╰", rows[44], StringComparison.Ordinal);
    }

    [Fact]
    public void F_SearchDoneOnAnotherThread_OffersTheShortestRunAndEnterOpensItAtItsLastStep()
    {
        var (gui, search) = Searching("cargill-deadlock.ipl");
        using var _ = gui;
        var onScreen = gui.State.Session!;
        var events = onScreen.Kernel.Events.Count;

        RunOnAnotherThread(search());
        gui.Wait(GuiTui.AutoRunTickMs);

        Assert.False(gui.Screen.BugSearch.Busy);
        Assert.Same(onScreen, gui.State.Session);
        Assert.Equal(3, onScreen.Position);
        Assert.Equal(events, onScreen.Kernel.Events.Count);
        Assert.Contains("⟦► Open the shortest run ◄⟧", gui.Text, StringComparison.Ordinal);
        Assert.StartsWith("explored every schedule (5,174 states, as ipclab check --all): a deadlock is reachable", gui.State.Status, StringComparison.Ordinal);

        gui.Press(Key.Enter);

        var opened = gui.State.Session!;
        Assert.NotSame(onScreen, opened);
        Assert.Equal(31, opened.Timeline.Count);
        Assert.Equal(opened.Timeline.Count, opened.Position);
        Assert.Equal(FindingKind.Deadlock, Assert.Single(opened.Kernel.Findings).Kind);
        Assert.Contains("no thread can run", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc_WhileSearching_CancelsAndALateReportIsDropped()
    {
        var (gui, search) = Searching("cargill-deadlock.ipl");
        using var _ = gui;
        var onScreen = gui.State.Session!;

        gui.Press(Key.Esc);
        Assert.False(gui.Screen.BugSearch.Busy);
        Assert.StartsWith("search cancelled", gui.State.Status, StringComparison.Ordinal);
        RunOnAnotherThread(search());
        gui.Wait(GuiTui.AutoRunTickMs);

        Assert.Same(onScreen, gui.State.Session);
        Assert.Equal(Screen.Run, gui.State.Screen);
        Assert.DoesNotContain("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.StartsWith("search cancelled", gui.State.Status, StringComparison.Ordinal);
        gui.Type(" ");
        Assert.Equal(4, onScreen.Position);
    }

    [Fact]
    public void CtrlC_WhileSearching_QuitsAtOnce()
    {
        var (gui, _) = Searching("cargill-deadlock.ipl");
        using var _ = gui;

        gui.Press(Key.C.WithCtrl);

        Assert.True(gui.Screen.StopRequested);
    }

    [Fact]
    public void ClickOnCancel_WhileSearching_CancelsLikeEsc()
    {
        var (gui, _) = Searching("cargill-deadlock.ipl");
        using var _ = gui;
        var (column, row) = gui.Find("Cancel ◄");

        gui.PressAndRelease(column + 1, row);

        Assert.False(gui.Screen.BugSearch.Busy);
        Assert.DoesNotContain("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.StartsWith("search cancelled", gui.State.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_ProgramTooBigToExplore_TellsTheStatesThenTheRunsDoneOnTheUiThread()
    {
        var state = Lesson("cargill-deadlock.ipl");
        var seen = new List<string>();
        GuiBugSearch? search = null;
        search = new GuiBugSearch(state, change =>
        {
            change();
            seen.Add(search!.Progress);
        })
        { ExploreLimit = 100, Start = work => { work(); return Task.CompletedTask; } };
        BugReport? found = null;

        search.Begin(state.Session!.Program, report => found = report);

        Assert.Equal("exploring every schedule (as ipclab check --all), up to 100 states: started", seen[0]);
        var sampling = "more than 100 states, too many to explore every schedule here: the checker runs 1000 random schedules (as ipclab check) · ";
        Assert.Equal([.. Enumerable.Range(0, 20).Select(i => $"{sampling}{i * 50} of 1000 done")], seen.Skip(1).Take(20));
        Assert.False(found!.Exhaustive);
        Assert.False(search.Busy);
        var shrinking = "more than 100 states, too many to explore every schedule here: the checker found a run that fails; shrinking the ";
        Assert.StartsWith(shrinking, seen[21], StringComparison.Ordinal);
        Assert.All(seen.Skip(21), line => Assert.StartsWith(shrinking[..^14], line, StringComparison.Ordinal));
    }

    [Fact]
    public void F_WhileTheShrinkerWorks_TheDialogShowsItsProgress()
    {
        var (gui, search) = Searching("cargill-deadlock.ipl", width: 140);
        using var _ = gui;
        gui.Screen.BugSearch.ExploreLimit = 100;

        // The search is held once the shrinker has told its first sentence: the dialog shows it while still busy.
        gui.Screen.BugSearch.Find = (program, limit, progress, cancel) =>
        {
            var held = false;
            BugFinder.Check(program, limit, line =>
            {
                if (!held)
                {
                    progress(line);
                    held = line.Contains("shrinking", StringComparison.Ordinal);
                }
            }, cancel);
            return null;
        };
        RunOnAnotherThread(search());
        gui.Wait(GuiTui.AutoRunTickMs);

        Assert.True(gui.Screen.BugSearch.Busy);
        Assert.StartsWith("more than 100 states, too many to explore every schedule here: the checker found a run that fails; shrinking the ", gui.Screen.BugSearch.Progress, StringComparison.Ordinal);
        Assert.Contains("Find the bug", gui.Text, StringComparison.Ordinal);
        Assert.True(gui.Text.Contains("shrinking the", StringComparison.Ordinal), gui.Text);
    }
}
