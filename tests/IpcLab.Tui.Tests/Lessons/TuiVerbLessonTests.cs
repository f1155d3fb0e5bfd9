using IpcLab.Tui.Tests.App;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary><c>ipclab tui LESSON.md</c>: the lesson opens at its first program; a malformed lesson is an error at its position before the screen is touched.</summary>
public sealed class TuiVerbLessonTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_LessonFile_OpensItsFirstProgramWithTheStory()
    {
        var state = TuiVerb.Open(Repo.Lesson("01-lost-update.md"), null);

        Assert.Equal(Screen.Run, state.Screen);
        Assert.Equal("lost-update", state.LessonScreen.Open!.Lesson.Id);
        Assert.True(state.LessonScreen.PaneShown);
        Assert.EndsWith("lost-update.ipl", state.FileName, StringComparison.Ordinal);
        Assert.StartsWith("lesson 01 · program broken (1 of 2) · p: next program", state.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MalformedLesson_ErrorAtFileLineAndColumn()
    {
        var bad = _dir.Write("01-bad.md", "---\nid: bad\ntitle: Bad\nconcepts: [x]\nprerequisites: []\nduration: 5 min\n---\n\n```checkpoint\nprogram: none\nat: soon\n```\n");

        var error = Assert.Throws<InputException>(() => TuiVerb.Open(bad, null));

        Assert.Matches(@"01-bad\.md:\d+:\d+: ", error.Message);
    }

    [Fact]
    public void Open_LessonWithAt_Refused()
    {
        var error = Assert.Throws<InputException>(() => TuiVerb.Open(Repo.Lesson("01-lost-update.md"), 3));

        Assert.Contains("not a lesson", error.Message, StringComparison.Ordinal);
    }
}
