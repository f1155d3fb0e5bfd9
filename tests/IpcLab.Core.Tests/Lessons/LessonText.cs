using IpcLab.Core.Lessons;

namespace IpcLab.Core.Tests.Lessons;

/// <summary>Small lessons written in the tests, parsed with files of the test's own.</summary>
internal static class LessonText
{
    public const string Front = "---\nid: t\ntitle: T\nconcepts: [race]\nduration: 5 min\n---\n";

    /// <summary>The lost update as an inline program: line 1 `shared count = 0`, line 3 `count = count + 1`.</summary>
    public const string Adders = "```ipl name=p\nshared count = 0\nthread adder * 2:\n    count = count + 1\nexpect count == 2, \"lost\"\n```\n";

    public const string Fixed = "shared count = 0\nmutex m\nthread adder * 2:\n    lock m\n    count = count + 1\n    unlock m\nexpect count == 2, \"lost\"\n";

    public static Lesson Parse(string text, IReadOnlyDictionary<string, string>? files = null) =>
        LessonParser.Parse("t.md", text, path => files?.GetValueOrDefault(path));

    /// <summary>The error a malformed lesson gets, or a failure when it parses.</summary>
    public static LessonError Error(string text, IReadOnlyDictionary<string, string>? files = null) =>
        Assert.Throws<LessonError>(() => Parse(text, files));
}
