using IpcLab.Core.Checking;
using IpcLab.Core.Lessons;
using IpcLab.Core.Script;
using static IpcLab.Core.Tests.Lessons.LessonText;

namespace IpcLab.Core.Tests.Lessons;

/// <summary>A challenge judged by the delivery guarantee <c>check --guarantee</c> finds, on the log programs of the capstone.</summary>
public sealed class GuaranteeChallengeTests
{
    private static readonly Core.Model.CompiledProgram Before = Program("guarantee-log-commit-before.ipl");
    private static readonly Core.Model.CompiledProgram After = Program("guarantee-log-commit-after.ipl");
    private static readonly Core.Model.CompiledProgram Once = Program("guarantee-exactly-once.ipl");

    [Theory]
    [InlineData("exactly-once", GuaranteeKind.ExactlyOnce)]
    [InlineData("at-least-once", GuaranteeKind.AtLeastOnce)]
    [InlineData("at-most-once", GuaranteeKind.AtMostOnce)]
    public void Parse_GuaranteeGoal_ReadsThePromiseAndItsRuns(string word, GuaranteeKind promise)
    {
        var c = Challenge(word, runs: 50);

        Assert.Equal(ChallengeKind.Guarantee, c.Kind);
        Assert.Equal(promise, c.Promise);
        Assert.Equal(50, c.Runs);
        Assert.True(c.ChangesProgram);
        Assert.Equal($"guarantee: check --guarantee judges it {word} over 50 runs with crashes", c.GoalText);
    }

    [Fact]
    public void Guarantee_CommitBefore_IsNotAtLeastOnceAndNamesALostJob()
    {
        var verdict = ChallengeJudge.Fix(Before, Challenge("at-least-once"), Before);

        Assert.False(verdict.Met);
        Assert.Matches(@"^check --guarantee judges it at-most-once: \d+ lost, 0 duplicated in 100 runs with crashes, not at-least-once; with seed \d+, where \w+ crashes .*, it loses job \d$", verdict.Reason);
    }

    [Fact]
    public void Guarantee_CommitAfter_MeetsAtLeastOnceButNotExactlyOnce()
    {
        Assert.True(ChallengeJudge.Fix(Before, Challenge("at-least-once"), After).Met);

        var once = ChallengeJudge.Fix(After, Challenge("exactly-once"), After);
        Assert.False(once.Met);
        Assert.Contains("handles job", once.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exactly-once", "")]
    [InlineData("at-least-once", ", which is more than at-least-once")]
    [InlineData("at-most-once", ", which is more than at-most-once")]
    public void Guarantee_IdempotentConsumer_MeetsEveryGoal(string word, string more)
    {
        var verdict = ChallengeJudge.Fix(After, Challenge(word), Once);

        Assert.True(verdict.Met);
        Assert.Equal($"check --guarantee judges it exactly-once: 0 lost, 0 duplicated in 100 runs with crashes{more}", verdict.Reason);
    }

    [Fact]
    public void Guarantee_ThatDropsAThread_IsRefusedBeforeAnyRun()
    {
        var verdict = ChallengeJudge.Fix(After, Challenge("exactly-once"), Compiler.CompileText("one.ipl", "thread boss:\n    pass\n"));

        Assert.False(verdict.Met);
        Assert.StartsWith("the fix must keep the program's threads", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Guarantee_ProgramWithoutCrashPoints_HasNothingToJudge()
    {
        var quiet = Compiler.CompileText("q.ipl", "shared n = 0\nthread t:\n    n = 1\n");

        var verdict = ChallengeJudge.Guarantee(quiet, Challenge("at-most-once"));

        Assert.False(verdict.Met);
        Assert.StartsWith("no run passes a point where a crash could be injected", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GuaranteeAlreadyGivenByTheProgram_IsAProblemOfTheLesson()
    {
        var text = File.ReadAllText(Cli.RepoFiles.Lesson("guarantee-exactly-once.ipl"));
        var lesson = Parse("---\nid: t\ntitle: T\nconcepts: [once]\nduration: 5 min\n---\n```ipl name=p file=p.ipl\n```\n"
            + "```challenge\ngoal: guarantee exactly-once\nruns: 50\ntask: t\nsolution: p.ipl\nconcepts: once\n```\n", new Dictionary<string, string> { ["p.ipl"] = text });

        var problem = Assert.Single(LessonChecker.Check(lesson, _ => Once).Problems);

        Assert.Contains("challenge 1 (guarantee: check --guarantee judges it exactly-once over 50 runs with crashes): already solved at the start: check --guarantee judges it exactly-once", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GuaranteeKind.ExactlyOnce, GuaranteeKind.ExactlyOnce, true)]
    [InlineData(GuaranteeKind.ExactlyOnce, GuaranteeKind.AtMostOnce, true)]
    [InlineData(GuaranteeKind.AtLeastOnce, GuaranteeKind.AtLeastOnce, true)]
    [InlineData(GuaranteeKind.AtLeastOnce, GuaranteeKind.AtMostOnce, false)]
    [InlineData(GuaranteeKind.AtMostOnce, GuaranteeKind.AtLeastOnce, false)]
    [InlineData(GuaranteeKind.None, GuaranteeKind.AtMostOnce, false)]
    [InlineData(GuaranteeKind.None, GuaranteeKind.AtLeastOnce, false)]
    public void Meets_ShownAgainstAsked_OnlyAStrongerOrEqualGuaranteeMeetsTheGoal(GuaranteeKind shown, GuaranteeKind asked, bool meets) =>
        Assert.Equal(meets, GuaranteeWords.Meets(shown, asked));

    private static Challenge Challenge(string word, int runs = 100) =>
        Parse(Front + Adders + $"```challenge\ngoal: guarantee {word}\nruns: {runs}\ntask: t\nsolution: f.ipl\nconcepts: race\n```\n").Challenges.Single();

    private static Core.Model.CompiledProgram Program(string name) =>
        Compiler.CompileText(name, File.ReadAllText(Cli.RepoFiles.Lesson(name)));
}
