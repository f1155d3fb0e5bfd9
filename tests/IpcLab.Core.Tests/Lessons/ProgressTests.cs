using IpcLab.Core.Lessons;

namespace IpcLab.Core.Tests.Lessons;

public sealed class ProgressTests
{
    private static readonly Lesson First = Lesson("01-a.md", "a", [], challenge: true);
    private static readonly Lesson Second = Lesson("02-b.md", "b", ["a"], challenge: false);
    private static readonly Lesson Third = Lesson("03-c.md", "c", [], challenge: true);

    [Fact]
    public void States_Fresh_FirstIsCurrentThenLockedOrOpen()
    {
        var states = new Progress().States([First, Second, Third]).Select(s => s.State);

        Assert.Equal([LessonState.Current, LessonState.Locked, LessonState.Open], states);
    }

    [Fact]
    public void States_ChallengeSolved_DoneAndTheNextIsCurrent()
    {
        var progress = new Progress();
        progress.Solved("a", 1);

        Assert.Equal([LessonState.Done, LessonState.Current, LessonState.Open], progress.States([First, Second, Third]).Select(s => s.State));
    }

    [Fact]
    public void IsDone_LessonWithoutChallenge_NeedsEveryCheckpointRight()
    {
        var progress = new Progress();
        Assert.False(progress.IsDone(Second));

        progress.AnsweredRight("b", 1);

        Assert.True(progress.IsDone(Second));
    }

    [Fact]
    public void ToJson_ThenParse_KeepsCheckpointsChallengesAndHints()
    {
        var progress = new Progress();
        progress.AnsweredRight("a", 2);
        progress.Solved("a", 1);
        progress.OpenHint("a", 1);
        progress.OpenHint("a", 1);

        var back = Progress.Parse(progress.ToJson());

        Assert.Equal([2], back.CheckpointsOf("a"));
        Assert.Equal([1], back.ChallengesOf("a"));
        Assert.Equal(2, back.HintsOpened("a", 1));
        Assert.Equal(progress.ToJson(), back.ToJson());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "expected an object with a \"lessons\" object")]
    [InlineData("{\"lessons\":{\"a\":{\"challenges\":[]}}}", "lesson \"a\" has no \"checkpoints\" list")]
    [InlineData("{\"lessons\":{\"a\":{\"checkpoints\":[0],\"challenges\":[]}}}", "lesson \"a\": \"checkpoints\" holds 0, not a number above 0")]
    [InlineData("{\"lessons\":{\"a\":{\"checkpoints\":[],\"challenges\":[],\"hints\":{\"x\":1}}}}", "hints of challenge \"x\"")]
    public void Parse_DamagedProgress_SaysWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Progress.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Lesson Lesson(string file, string id, string[] prerequisites, bool challenge)
    {
        var text = LessonText.Front.Replace("id: t", $"id: {id}", StringComparison.Ordinal) + LessonText.Adders
            + "```checkpoint\nat: step 1\nask: q\nanswer: runnable\nconcepts: race\n```\n"
            + (challenge ? "```challenge\ngoal: reach finding check\ntask: t\nsolution: adder-1\nconcepts: race\n```\n" : "");
        var parsed = LessonParser.Parse(file, text, _ => null);
        return new Lesson
        {
            File = parsed.File,
            Id = parsed.Id,
            Title = parsed.Title,
            Concepts = parsed.Concepts,
            Prerequisites = prerequisites,
            Duration = parsed.Duration,
            Parts = parsed.Parts,
        };
    }
}
