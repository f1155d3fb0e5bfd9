using IpcLab.Tui.Lessons;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>Challenges from the run screen: a reach goal judged on the schedule the student stepped, a fix on the file the student edited.</summary>
public sealed class GuiChallengeTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reach_TheLessonsOwnRun_NotYetWithWhatToTryNext()
    {
        var kit = new LessonKit();
        using var gui = kit.Gui("lost-update", 120, 40);
        gui.Type(" \u001b   \u001b");

        gui.Type("t\r");

        var dialog = gui.State.LessonScreen.Dialog!;
        Assert.Equal(LessonDialogKind.Verdict, dialog.Kind);
        Assert.False(dialog.Right);
        Assert.Contains("after the 4 steps of the schedule the goal (finding check) is not reached", dialog.Verdict!.Reason, StringComparison.Ordinal);
        Assert.StartsWith("try next: b steps back, 1-9 runs the thread you choose", dialog.Next, StringComparison.Ordinal);
        Assert.Empty(kit.Progress.ChallengesOf("lost-update"));
    }

    [Fact]
    public void Reach_StudentSteppedTheLosingOrder_SolvedAndKept()
    {
        var kit = new LessonKit();
        using var gui = kit.Gui("lost-update", 120, 40);
        gui.Type("1\u001b212\u001b");
        Assert.Equal(4, gui.State.Session!.Position);

        gui.Type("t");
        Assert.Contains("its 4 steps so far", gui.Text, StringComparison.Ordinal);
        gui.Type("\r");

        Assert.Contains("SOLVED: step 4: final check `count == 2` (line 9) failed", gui.Text, StringComparison.Ordinal);
        Assert.Equal([1], kit.Progress.ChallengesOf("lost-update"));
        Assert.StartsWith("next: challenge 2", gui.State.LessonScreen.Dialog!.Next, StringComparison.Ordinal);
    }

    [Fact]
    public void Reach_RunWithAnInjectedCrash_RefusedWithTheStep()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);
        gui.Type("1\u001bc2\r");
        Assert.Equal(2, gui.State.Session!.Position);

        gui.Type("t\r");

        Assert.Contains("your run injects a crash at step 2", gui.State.LessonScreen.Dialog!.Verdict!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_TheFixedProgramInAFile_SolvedAndTheLessonIsDone()
    {
        var kit = new LessonKit();
        kit.Progress.Solved("lost-update", 1);
        var mine = _dir.Write("mine.ipl", File.ReadAllText(Repo.Lesson("lost-update-fix.ipl")));
        using var gui = kit.Gui("lost-update", 120, 40);

        gui.Type("t");
        var dialog = gui.State.LessonScreen.Dialog!;
        Assert.Equal(2, dialog.Challenge!.Number);
        Assert.Equal("lost-update-mine.ipl", dialog.Input);
        Assert.Contains("Copy lessons/lost-update.ipl to a file of your own", gui.Text, StringComparison.Ordinal);
        gui.Type(new string('\b', dialog.Input.Length));
        gui.Type(mine + "\r");

        Assert.True(dialog.Right, dialog.Verdict!.Reason);
        Assert.StartsWith("check finds nothing in 1000 schedules", dialog.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal([1, 2], kit.Progress.ChallengesOf("lost-update"));
        Assert.Contains("every challenge of this lesson is solved ✓: next on the path: 02 If or while around a wait", dialog.Next, StringComparison.Ordinal);

        gui.Type("\rm");
        Assert.Equal(Screen.Start, gui.State.Screen);
        Assert.Equal("if-vs-while", gui.State.Lessons[gui.State.LessonIndex].Lesson!.Id);
        Assert.Contains("› ▶ 02 if-vs-while", gui.Text, StringComparison.Ordinal);
        Assert.Contains("✓ 01 lost-update", gui.Text, StringComparison.Ordinal);
        Assert.Null(gui.State.LessonScreen.Open);
    }

    [Fact]
    public void Fix_FileStillBroken_NotYetWithTheFinding()
    {
        var mine = _dir.Write("mine.ipl", File.ReadAllText(Repo.Lesson("lost-update.ipl")));
        using var gui = new LessonKit().Gui("lost-update", 120, 40);
        gui.Type("t\t");
        var dialog = gui.State.LessonScreen.Dialog!;
        gui.Type(new string('\b', dialog.Input.Length) + mine + "\r");

        Assert.False(dialog.Right);
        Assert.StartsWith("check still finds", dialog.Verdict!.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"try next: edit {mine} again", dialog.Next, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_NoSuchFile_SaysHowToMakeIt()
    {
        using var gui = new LessonKit().Gui("lost-update", 120, 40);
        gui.Type("t\t");
        var dialog = gui.State.LessonScreen.Dialog!;
        gui.Type(new string('\b', dialog.Input.Length) + _dir.File("none.ipl") + "\r");

        Assert.Contains("cp lessons/lost-update.ipl", dialog.Verdict!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hint_QuestionMarkInTheDialog_OpensTheNextHintAndKeepsIt()
    {
        var kit = new LessonKit();
        using var gui = kit.Gui("lost-update", 120, 40);

        gui.Type("t??");

        Assert.Equal(2, kit.Progress.HintsOpened("lost-update", 1));
        Assert.StartsWith("hint 2 of 2 (challenge 1): What if both adders read", gui.State.Status, StringComparison.Ordinal);
        Assert.Contains("hint 1: Each adder takes two steps", gui.Text, StringComparison.Ordinal);
    }
}
