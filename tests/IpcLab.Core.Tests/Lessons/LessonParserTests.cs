using IpcLab.Core.Lessons;
using static IpcLab.Core.Tests.Lessons.LessonText;

namespace IpcLab.Core.Tests.Lessons;

public sealed class LessonParserTests
{
    private const string Checkpoint = "```checkpoint\nat: step 2\nask: What is count?\nanswer: value count\nconcepts: race\n```\n";

    [Fact]
    public void Parse_WholeLesson_ReadsFrontMatterPartsInOrderAndFields()
    {
        var lesson = Parse(Front + "# Story\n\ntext\n" + Adders + Checkpoint
            + "```challenge\ngoal: reach finding check\nwithin: 4\ntask: Lose it.\nsolution: adder-1, adder-2,\n  adder-1, adder-2\nhint: one\nhint: two\nconcepts: race\n```\n");

        Assert.Equal("t", lesson.Id);
        Assert.Equal(["race"], lesson.Concepts);
        Assert.Equal("5 min", lesson.Duration);
        Assert.Equal(4, lesson.Parts.Count);
        Assert.StartsWith("# Story", lesson.Parts[0].Text, StringComparison.Ordinal);
        var checkpoint = Assert.Single(lesson.Checkpoints);
        Assert.Equal(new PausePoint(PauseKind.Step) { Step = 2 }, checkpoint.At);
        Assert.Equal(QuestionKind.Value, checkpoint.Question.Kind);
        var challenge = Assert.Single(lesson.Challenges);
        Assert.Equal(["adder-1", "adder-2", "adder-1", "adder-2"], challenge.Solution);
        Assert.Equal(["one", "two"], challenge.Hints);
        Assert.Equal(4, challenge.Within);
    }

    [Fact]
    public void Parse_IncludedFileWithItsCopy_UsesTheFileAndItsLines()
    {
        var files = new Dictionary<string, string> { ["p.ipl"] = Fixed };
        var lesson = Parse(Front + "```ipl file=p.ipl\n" + Fixed + "```\n```checkpoint\nat: line 5 of adder-2\nask: q\nanswer: holder m\nconcepts: race\n```\n", files);

        var program = Assert.Single(lesson.Programs);
        Assert.Equal("p", program.Name);
        Assert.Equal("p.ipl", program.Path);
        Assert.Equal(5, lesson.Checkpoints.Single().At.Line);
    }

    [Theory]
    [InlineData("id: t\n", "t.md:1:1: a lesson starts with its front matter")]
    [InlineData("---\nid: t\n", "t.md:1:1: the front matter is never closed")]
    [InlineData("---\nid: t\ntitle: T\nconcepts: race\n---\n" + Adders, "t.md:1:1: this front matter has no 'duration:' field")]
    [InlineData("---\nid: t\nlevel: 3\n---\n", "t.md:3:1: unknown field 'level' in a front matter")]
    [InlineData("---\nid: T 1\ntitle: T\nconcepts: race\nduration: 1\n---\n" + Adders, "t.md:2:5: an id is lower-case letters")]
    [InlineData(Front + "text\n", "t.md:7:1: this lesson has no program")]
    [InlineData(Front + "```ipl\nthread t:\n    lokc m\n```\n", "t.md:9:5: unknown operation 'lokc'")]
    [InlineData(Front + "```ipl name=p shape=x\n```\n", "t.md:7:15: unknown ipl block attribute 'shape=x'")]
    [InlineData(Front + "```ipl name=p schedule=seed:x\n```\n", "t.md:7:15: schedule 'seed:x' is not round-robin")]
    [InlineData(Front + "```ipl name=p schedule=nobody\nthread t:\n    pass\n```\n", "t.md:7:15: no thread named 'nobody'")]
    [InlineData(Front + "```ipl file=missing.ipl\n```\n", "t.md:7:8: no file 'missing.ipl' beside the lesson")]
    [InlineData(Front + Adders + Adders, "t.md:13:1: a program named 'p' is already in this lesson")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\n", "t.md:13:1: this ``` block is never closed")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\nanswer: runnable\nconcepts: race\n```\n", "t.md:13:1: this checkpoint has no 'ask:' field")]
    [InlineData(Front + Adders + "```checkpoint\nat: soon\nask: q\nanswer: runnable\nconcepts: race\n```\n", "t.md:14:5: 'at: soon' is not a pause")]
    [InlineData(Front + Adders + "```checkpoint\nat: first jumped\nask: q\nanswer: runnable\nconcepts: race\n```\n", "t.md:14:5: no event is named 'jumped'")]
    [InlineData(Front + Adders + "```checkpoint\nat: line 9 of adder-1\nask: q\nanswer: runnable\nconcepts: race\n```\n", "t.md:14:5: adder-1 never runs line 9")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\nask: q\nanswer: holder count\nconcepts: race\n```\n", "t.md:16:16: 'count' is a shared variable; this question asks about a mutex")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\nask: q\nanswer: guess\nconcepts: race\n```\n", "t.md:16:9: 'guess' is not a question")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\nask: q\nanswer: value nothing\nconcepts: race\n```\n", "t.md:16:15: no object named 'nothing'")]
    [InlineData(Front + Adders + "```checkpoint\nprogram: other\nat: step 1\nask: q\nanswer: runnable\nconcepts: race\n```\n", "t.md:14:10: no program named 'other'")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\nask: q\nanswer: runnable\nconcepts: speed\n```\n", "t.md:17:11: concept 'speed' is not in the front matter")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\nat: step 2\n```\n", "t.md:15:1: the field 'at' is given twice")]
    [InlineData(Front + Adders + "```checkpoint\n  at: step 1\n```\n", "t.md:14:1: an indented line continues a field")]
    [InlineData(Front + Adders + "```challenge\ngoal: win\ntask: t\nsolution: adder-1\nconcepts: race\n```\n", "t.md:14:7: 'goal: win' is not a goal")]
    [InlineData(Front + Adders + "```challenge\ngoal: reach 2 threads in lines 7-9\ntask: t\nsolution: adder-1\nconcepts: race\n```\n", "t.md:14:7: no thread of program 'p' runs a line between 7 and 9")]
    [InlineData(Front + Adders + "```challenge\ngoal: reach finding sadness\ntask: t\nsolution: adder-1\nconcepts: race\n```\n", "t.md:14:7: no finding is named 'sadness'")]
    [InlineData(Front + Adders + "```challenge\ngoal: reach finding check\nwithin: 0\ntask: t\nsolution: adder-1\nconcepts: race\n```\n", "t.md:15:9: 'within' must be a whole number above 0")]
    [InlineData(Front + Adders + "```challenge\ngoal: reach finding check\ntask: t\nsolution: adder-1, adder-3\nconcepts: race\n```\n", "t.md:16:11: no thread named 'adder-3'")]
    [InlineData(Front + Adders + "```challenge\ngoal: fix\nwithin: 3\ntask: t\nsolution: f.ipl\nconcepts: race\n```\n", "t.md:15:9: a fix challenge has no step limit")]
    [InlineData(Front + Adders + "```challenge\ngoal: fix\ntask: t\nsolution: fixed\nconcepts: race\n```\n", "t.md:16:11: a fix challenge's solution is the fixed program")]
    [InlineData(Front + Adders + "```checkpoint\nat: step 1\nask: q\nanswer: path offer 1\nconcepts: race\n```\n", "t.md:16:14: path takes a message in double quotes: path \"job 2\"")]
    [InlineData(Front + Adders + "```challenge\ngoal: guarantee exactly-twice\ntask: t\nsolution: f.ipl\nconcepts: race\n```\n", "t.md:14:7: 'goal: guarantee exactly-twice' is not a goal; expected guarantee exactly-once|at-least-once|at-most-once")]
    [InlineData(Front + Adders + "```challenge\ngoal: guarantee at-least-once\nwithin: 3\ntask: t\nsolution: f.ipl\nconcepts: race\n```\n", "t.md:15:9: a guarantee challenge has no step limit")]
    [InlineData(Front + Adders + "```challenge\ngoal: guarantee at-least-once\ntask: t\nsolution: adder-1\nconcepts: race\n```\n", "t.md:16:11: a guarantee challenge's solution is the changed program")]
    public void Parse_MalformedLesson_FailsWithItsPosition(string text, string expected)
    {
        var error = Error(text);

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IncludedFileThatDoesNotCompile_NamesTheFileAndItsPosition()
    {
        var error = Error(Front + "```ipl file=bad.ipl\n```\n", new Dictionary<string, string> { ["bad.ipl"] = "mutex m\nthread t:\n    lokc m\n" });

        Assert.StartsWith("bad.ipl:3:5: unknown operation 'lokc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IncludeWithADifferentCopy_PointsAtTheFirstDifferentLine()
    {
        var error = Error(Front + "```ipl file=p.ipl\nshared count = 0\nmutex n\n```\n", new Dictionary<string, string> { ["p.ipl"] = Fixed });

        Assert.StartsWith("t.md:9:1: this block is not a copy of p.ipl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherFencedBlocks_StayInTheNarrative()
    {
        var lesson = Parse(Front + "```sh\nipclab check x.ipl\n```\n" + Adders);

        Assert.Contains("ipclab check x.ipl", lesson.Parts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_DuplicateIdOrUnknownPrerequisite_IsAnErrorOfTheLaterLesson()
    {
        var a = LessonParser.Parse("01-a.md", Front + Adders, _ => null);
        var b = LessonParser.Parse("02-b.md", Front.Replace("id: t", "id: b", StringComparison.Ordinal).Replace("duration", "prerequisites: [zz]\nduration", StringComparison.Ordinal) + Adders, _ => null);
        var c = LessonParser.Parse("03-c.md", Front + Adders, _ => null);

        Assert.Equal("02-b.md:5:16: prerequisite 'zz' is not a lesson before this one on the path", Assert.Throws<LessonError>(() => LessonPath.Order([b, a])).Message);
        Assert.Equal("03-c.md:2:5: id 't' is already the id of 01-a.md", Assert.Throws<LessonError>(() => LessonPath.Order([c, a])).Message);
    }
}
