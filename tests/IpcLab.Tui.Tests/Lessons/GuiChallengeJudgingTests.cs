using IpcLab.Tui.Lessons;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>A fix challenge is judged away from the UI thread: a progress line, keys still answered, Esc cancels, the verdict handed back.</summary>
public sealed class GuiChallengeJudgingTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Enter_FixChallenge_ScreenStaysLiveWithAProgressLineUntilTheVerdictComesBack()
    {
        var (gui, dialog) = OpenFix(Repo.Lesson("lost-update-fix.ipl"));
        using var _ = gui;
        Action? judging = null;
        gui.Screen.LessonPane.Judge.Start = work =>
        {
            judging = work;
            return Task.CompletedTask;
        };

        gui.Type("\r");
        Assert.EndsWith("check runs it under 1000 schedules · 0 of 1000 done · Esc cancels", gui.State.Status, StringComparison.Ordinal);
        Assert.Contains("judging /", gui.Text, StringComparison.Ordinal);
        gui.Type(" ");
        Assert.Equal(LessonDialogKind.Challenge, dialog.Kind);
        Assert.Equal(0, gui.State.Session!.Position);

        RunOnAnotherThread(judging!);
        gui.Wait(IpcLab.Tui.Gui.GuiTui.AutoRunTickMs);

        Assert.Equal(LessonDialogKind.Verdict, dialog.Kind);
        Assert.True(dialog.Right, dialog.Verdict!.Reason);
        Assert.Contains("SOLVED · Enter closes", gui.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc_WhileJudging_CancelsAndALateVerdictIsDropped()
    {
        var (gui, dialog) = OpenFix(Repo.Lesson("lost-update-fix.ipl"));
        using var _ = gui;
        Action? judging = null;
        gui.Screen.LessonPane.Judge.Start = work =>
        {
            judging = work;
            return Task.CompletedTask;
        };

        gui.Type("\r\u001b");
        Assert.Contains("judging cancelled", gui.Text, StringComparison.Ordinal);
        RunOnAnotherThread(judging!);
        gui.Wait(IpcLab.Tui.Gui.GuiTui.AutoRunTickMs);

        Assert.Equal(LessonDialogKind.Challenge, dialog.Kind);
        Assert.Null(dialog.Verdict);
        gui.Type("\u001b");
        Assert.Null(gui.State.LessonScreen.Dialog);
    }

    [Fact]
    public void Enter_FixChallengeOnAnotherThread_VerdictArrivesThroughTheUiThread()
    {
        var (gui, dialog) = OpenFix(Repo.Lesson("lost-update.ipl"));
        using var _ = gui;
        var worker = new List<Thread>();
        gui.Screen.LessonPane.Judge.Start = work =>
        {
            worker.Add(new Thread(() => work()));
            worker[0].Start();
            return Task.CompletedTask;
        };

        gui.Type("\r");
        worker[0].Join();
        gui.Wait(IpcLab.Tui.Gui.GuiTui.AutoRunTickMs);

        Assert.Equal(LessonDialogKind.Verdict, dialog.Kind);
        Assert.StartsWith("check still finds", dialog.Verdict!.Reason, StringComparison.Ordinal);
        Assert.False(gui.Screen.LessonPane.Judge.Busy);
    }

    private static void RunOnAnotherThread(Action work)
    {
        var thread = new Thread(() => work());
        thread.Start();
        thread.Join();
    }

    /// <summary>Lesson 01 with its fix challenge open and the file typed (a copy of <paramref name="program"/>).</summary>
    private (GuiHarness Gui, LessonDialog Dialog) OpenFix(string program)
    {
        var mine = _dir.Write("mine.ipl", File.ReadAllText(program));
        var gui = new LessonKit().Gui("lost-update", 120, 40);
        gui.Type("t\t");
        var dialog = gui.State.LessonScreen.Dialog!;
        gui.Type(new string('\b', dialog.Input.Length) + mine);
        return (gui, dialog);
    }
}
