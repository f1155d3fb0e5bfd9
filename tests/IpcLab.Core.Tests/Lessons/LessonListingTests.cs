using IpcLab.Core.Lessons;
using IpcLab.Core.Tests.Cli;

namespace IpcLab.Core.Tests.Lessons;

/// <summary>`ipclab` alone in a pipe lists the path even when a lesson file is malformed: the error at its position, the other lessons listed, exit 2.</summary>
public sealed class LessonListingTests : IDisposable
{
    private const string Exercise = "```checkpoint\nat: step 1\nask: q\nanswer: runnable\nconcepts: race\n```\n"
        + "```challenge\ngoal: reach finding check\nwithin: 4\ntask: t\nsolution: adder-1, adder-2, adder-1, adder-2\nconcepts: race\n```\n";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void List_MalformedLessonAmongOthers_SaysWhereAndListsTheRestWithExitTwo()
    {
        Write("01-first.md", Lesson("first", ""));
        Write("02-broken.md", Lesson("broken", "prerequisites: [first]\n").Replace("at: step 1", "at: soon", StringComparison.Ordinal));
        Write("03-third.md", Lesson("third", "prerequisites: [first]\n"));
        var o = new StringWriter();
        var err = new StringWriter();

        var exit = LessonMenu.List(o, err, _dir.Path, CliRun.Environment(_dir.Path, ("XDG_STATE_HOME", _dir.Path)));

        Assert.Equal(2, exit);
        Assert.Matches(@"▶ 01 first +F\n  · 03 third +T", o.ToString());
        Assert.DoesNotContain("02 broken", o.ToString(), StringComparison.Ordinal);
        var error = Assert.Single(err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^ipclab: .*02-broken\.md:15:5: 'at: soon' is not a pause", error);
    }

    [Fact]
    public void List_EveryLessonWellFormed_ExitsZeroWithNothingOnStandardError()
    {
        Write("01-first.md", Lesson("first", ""));
        var err = new StringWriter();

        var exit = LessonMenu.List(new StringWriter(), err, _dir.Path, CliRun.Environment(_dir.Path, ("XDG_STATE_HOME", _dir.Path)));

        Assert.Equal(0, exit);
        Assert.Equal("", err.ToString());
    }

    [Fact]
    public void OrderForListing_RepeatedIdAndUnknownPrerequisite_LeavesOutTheRepeatAndReportsBoth()
    {
        var first = LessonParser.Parse("01-a.md", Lesson("a", ""), _ => null);
        var again = LessonParser.Parse("02-a.md", Lesson("a", ""), _ => null);
        var orphan = LessonParser.Parse("03-c.md", Lesson("c", "prerequisites: [gone]\n"), _ => null);
        var problems = new List<LessonError>();

        var path = LessonPath.OrderForListing([orphan, again, first], problems);

        Assert.Equal(["01-a.md", "03-c.md"], path.Select(l => l.File));
        Assert.Equal(["02-a.md:2:5: id 'a' is already the id of 01-a.md", "03-c.md:5:16: prerequisite 'gone' is not a lesson before this one on the path"], problems.Select(p => p.Message));
    }

    private static string Lesson(string id, string extra) =>
        $"---\nid: {id}\ntitle: {char.ToUpperInvariant(id[0])}\nconcepts: [race]\n{extra}duration: 5 min\n---\n" + LessonText.Adders + Exercise;

    private void Write(string name, string text) => File.WriteAllText(_dir.File(name), text);
}
