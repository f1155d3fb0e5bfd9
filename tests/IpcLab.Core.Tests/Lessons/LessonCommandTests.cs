using IpcLab.Core.Tests.Cli;

namespace IpcLab.Core.Tests.Lessons;

/// <summary>`ipclab lesson` through the real command line (the lessons of the repository, found above the program), with progress in a folder of the test's own.</summary>
public sealed class LessonCommandTests : IDisposable
{
    private readonly TempDir _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Lesson_NoId_ListsThePathInOrderWithTheFirstAsNext()
    {
        var run = Run("lesson");

        Assert.Equal(0, run.Exit);
        Assert.Matches(@"▶ 01 lost-update +The lost update +15 min  ← next", run.Out);
        Assert.Matches(@"· 02 if-vs-while .*locked: first lost-update", run.Out);
        Assert.Contains("Take the next one: ipclab lesson lost-update", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipclab_AloneInAPipe_ListsThePathBeforeThePrograms()
    {
        var run = Run();

        Assert.Equal(0, run.Exit);
        Assert.Matches(@"The path of lessons .*\n  ▶ 01 lost-update +The lost update\n  · 02 if-vs-while", run.Out);
        Assert.True(run.Out.IndexOf("Programs in", StringComparison.Ordinal) > run.Out.IndexOf("The path of lessons", StringComparison.Ordinal));
    }

    [Fact]
    public void Lesson_AnswersWrongThenRight_JudgesEachWithItsReasonAndKeepsTheRightOne()
    {
        var run = Run("lesson", "lost-update", "--answer", "1", "--answer", "2");

        Assert.Equal(1, run.Exit);
        Assert.Contains("your answer> 1\nnot quite: the answer is 0.\n  why: count is 0, its initial value", run.Out, StringComparison.Ordinal);
        Assert.Contains("your answer> 2\nright: 2.", run.Out, StringComparison.Ordinal);
        Assert.Contains("(no more answers: the lesson stops at checkpoint 3", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"checkpoints\": [\n        2\n      ]", File.ReadAllText(ProgressFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_AnswerEndingInAFullStop_IsShownWithoutASecondOne()
    {
        var run = Run("lesson", "select", "--answer", "hicl, hicl", "--answer", "hicl", "--answer", "hiclient-1.bye.hiclient-2.bye.");

        Assert.Equal(0, run.Exit);
        Assert.Contains("right: hiclient-1.bye.hiclient-2.bye.\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_TrySolvingSchedule_SolvedAndTheListMovesOn()
    {
        var wrong = Run("lesson", "lost-update", "--try", "1", "--schedule", "adder-1,adder-1,adder-2,adder-2");
        var right = Run("lesson", "lost-update", "--try", "1", "--schedule", "adder-1,adder-2,adder-1,adder-2");
        var fix = Run("lesson", "lost-update", "--try", "2", "--program", RepoFiles.Lesson("lost-update-fix.ipl"));
        var list = Run("lesson");

        Assert.Equal(1, wrong.Exit);
        Assert.Contains("not yet: after the 4 steps", wrong.Out, StringComparison.Ordinal);
        Assert.Equal(0, right.Exit);
        Assert.Contains("SOLVED: step 4: final check `count == 2` (line 9) failed", right.Out, StringComparison.Ordinal);
        Assert.Equal(0, fix.Exit);
        Assert.Contains("the lesson is done", fix.Out, StringComparison.Ordinal);
        Assert.Matches(@"✓ 01 lost-update", list.Out);
        Assert.Matches(@"▶ 02 if-vs-while", list.Out);
    }

    [Fact]
    public void Lesson_Hint_OpensOneMoreEachTime()
    {
        var first = Run("lesson", "1", "--hint", "1");
        var second = Run("lesson", "1", "--hint", "1");

        Assert.Contains("hint 1 of 2:", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("hint 2 of 2", first.Out, StringComparison.Ordinal);
        Assert.Contains("hint 2 of 2:", second.Out, StringComparison.Ordinal);
        Assert.Contains("(that was the last hint)", second.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no lesson 'nope'; the lessons are lost-update, if-vs-while", "lesson", "nope")]
    [InlineData("lesson lost-update has no challenge 7", "lesson", "lost-update", "--try", "7", "--schedule", "a")]
    [InlineData("challenge 1 is a reach goal: give your schedule with --schedule", "lesson", "lost-update", "--try", "1", "--program", "x.ipl")]
    [InlineData("choose one of --check, --try N and --hint N", "lesson", "lost-update", "--check", "--hint", "1")]
    [InlineData("--schedule and --program go with --try N", "lesson", "lost-update", "--schedule", "a")]
    [InlineData("--answer answers the checkpoints of `ipclab lesson ID`", "lesson", "lost-update", "--check", "--answer", "0")]
    public void Lesson_BadUsage_ExitsTwoWithTheReason(string expected, params string[] args)
    {
        var run = Run(args);

        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_MalformedLessonFile_ExitsTwoWithItsPosition()
    {
        var bad = _state.File("09-bad.md");
        File.WriteAllText(bad, "---\nid: bad\ntitle: Bad\nconcepts: [x]\nduration: 1 min\n---\n```checkpoint\nat: step 1\n```\n");

        var run = Run("lesson", bad, "--check");

        Assert.Equal(2, run.Exit);
        Assert.Contains("09-bad.md:7:1: this lesson has no program", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_DamagedProgress_ExitsTwoAndLeavesTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ProgressFile)!);
        File.WriteAllText(ProgressFile, "{ not json");

        var run = Run("lesson", "lost-update", "--hint", "1");

        Assert.Equal(2, run.Exit);
        Assert.Contains("this progress file is damaged", run.Err, StringComparison.Ordinal);
        Assert.Equal("{ not json", File.ReadAllText(ProgressFile));
    }

    [Fact]
    public void Lesson_Check_PrintsEachCheckpointsAnswerAndExitsZero()
    {
        var run = Run("lesson", "lost-update", "--check");

        Assert.Equal(0, run.Exit);
        Assert.Contains("ok: checkpoint 1 (at step 1, step 1; value count): the answer is 0", run.Out, StringComparison.Ordinal);
        Assert.Contains("the lesson holds: 4 checkpoints, 2 challenges, every concept exercised", run.Out, StringComparison.Ordinal);
    }

    private string ProgressFile => Path.Combine(_state.Path, "ipclab", "progress.json");

    private CliRun Run(params string[] args) =>
        CliRun.In(CliRun.Environment(_state.Path, ("XDG_STATE_HOME", _state.Path)) with { Input = new StringReader("") }, args);
}
