using IpcLab.Core.Lessons;
using IpcLab.Core.Tests.Cli;

namespace IpcLab.Core.Tests.Lessons;

/// <summary>Every lesson of lessons/ holds: what `ipclab lesson ID --check` checks, and the path's order.</summary>
public sealed class LessonsFolderTests
{
    private static readonly string Folder = Path.Combine(RepoFiles.Root, "lessons");

    public static TheoryData<string> LessonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.md").Where(f => LessonPath.IsLessonFile(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    /// <summary>`ipclab lesson FILE --check` on every lesson, through the real command line.</summary>
    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonCheck_EveryLesson_HoldsAndExitsZero(string file)
    {
        var run = CliRun.Of("lesson", Path.Combine(Folder, file), "--check");

        Assert.True(run.Exit == 0, $"exit {run.Exit}\n{run.Out}{run.Err}");
        Assert.Contains("the lesson holds:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PROBLEM", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void Concepts_EveryLesson_EachExercisedByACheckpointOrChallenge(string file)
    {
        var lesson = Load(file);

        Assert.Empty(lesson.UncoveredConcepts);
        Assert.NotEmpty(lesson.Checkpoints);
        Assert.NotEmpty(lesson.Challenges);
    }

    [Fact]
    public void Concepts_ConceptNoBlockExercises_IsAProblemOfTheCheck()
    {
        var lesson = LessonText.Parse(LessonText.Front.Replace("[race]", "[race, fairness]", StringComparison.Ordinal) + LessonText.Adders
            + "```checkpoint\nat: step 1\nask: q\nanswer: runnable\nconcepts: race\n```\n");

        var problem = Assert.Single(LessonChecker.Check(lesson, _ => null).Problems);

        Assert.Equal("t.md:4:11: concept 'fairness' is in the front matter, but no checkpoint or challenge exercises it (list it in one's concepts:)", problem.Message);
    }

    [Fact]
    public void Check_ChallengeSolvedByTheProgramsOwnRun_IsAProblem()
    {
        var lesson = LessonText.Parse(LessonText.Front + LessonText.Adders.Replace("name=p", "name=p schedule=adder-1,adder-2", StringComparison.Ordinal)
            + "```challenge\ngoal: reach finding check\nwithin: 4\ntask: t\nsolution: adder-1, adder-2, adder-1, adder-2\nconcepts: race\n```\n");

        var problem = Assert.Single(LessonChecker.Check(lesson, _ => null).Problems);

        Assert.Contains("already solved at the start: the program's own run (adder-1, adder-2, then round-robin) reaches it at step 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnreachablePauseAndWrongSolution_AreProblemsAtTheirBlocks()
    {
        var lesson = LessonText.Parse(LessonText.Front + LessonText.Adders
            + "```checkpoint\nat: step 9\nask: q\nanswer: runnable\nconcepts: race\n```\n"
            + "```challenge\ngoal: reach finding check\ntask: t\nsolution: adder-1, adder-1, adder-2, adder-2\nconcepts: race\n```\n"
            + "```challenge\ngoal: fix\ntask: t\nsolution: gone.ipl\nconcepts: race\n```\n");

        var problems = LessonChecker.Check(lesson, _ => null).Problems.Select(p => p.Message).ToArray();

        Assert.Equal(3, problems.Length);
        Assert.StartsWith("t.md:13:1: checkpoint 1 (at: step 9) is never reached: the run ended at step 4", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("t.md:19:1: challenge 1 (reach finding check in at most 200 steps): the stored solution does not solve it", problems[1], StringComparison.Ordinal);
        Assert.Equal("t.md:25:1: challenge 2 (fix: check finds nothing in 1000 schedules): the stored solution gone.ipl is not beside the lesson", problems[2]);
    }

    [Fact]
    public void Order_Lessons_FollowTheNumbersOfTheirFiles()
    {
        var lessons = Directory.GetFiles(Folder, "*.md").Select(Path.GetFileName).Where(f => LessonPath.IsLessonFile(f!)).Order(StringComparer.Ordinal).ToArray();
        var path = LessonPath.Order(lessons.AsEnumerable().Reverse().Select(f => Load(f!)));

        Assert.Equal(lessons, path.Select(l => Path.GetFileName(l.File)));
        Assert.Equal(["lost-update", "if-vs-while", "signal-vs-broadcast"], path.Take(3).Select(l => l.Id));
    }

    private static Lesson Load(string file)
    {
        var path = Path.Combine(Folder, file);
        return LessonParser.Parse(path, File.ReadAllText(path), p => File.Exists(p) ? File.ReadAllText(p) : null);
    }
}
