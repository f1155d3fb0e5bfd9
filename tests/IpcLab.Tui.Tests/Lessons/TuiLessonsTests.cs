using IpcLab.Diagnostics;
using IpcLab.Tui.Tests.App;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>The command gives the UI the path and the student's progress file; a damaged file is said on the status line, left as it is, and never written.</summary>
public sealed class TuiLessonsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliEnvironment Env => new()
    {
        Variable = name => name == "XDG_STATE_HOME" ? _dir.Path : null,
        TempDirectory = _dir.Path,
        ProcessId = 4242,
    };

    private string ProgressFile => Path.Combine(_dir.Path, "ipclab", "progress.json");

    [Fact]
    public void Attach_SavedProgress_MarksThePathAndHighlightsTheNextLesson()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ProgressFile)!);
        File.WriteAllText(ProgressFile, "{\"lessons\":{\"lost-update\":{\"checkpoints\":[],\"challenges\":[1,2]}}}");
        var state = TuiVerb.Open(null, null);

        TuiLessons.Attach(state, Env);

        Assert.Equal("if-vs-while", state.Lessons[state.LessonIndex].Lesson!.Id);
        Assert.Equal(LessonKit.Path.Count, state.Lessons.Count(e => e.Lesson is not null));
        Assert.Contains(state.Lessons, e => e.Lesson is null && e.Name == "bounded-buffer");
    }

    [Fact]
    public void Attach_DamagedProgressFile_SaidOnTheStatusLineAndNeverOverwritten()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ProgressFile)!);
        File.WriteAllText(ProgressFile, "{ not json");
        var state = TuiVerb.Open(null, null);

        TuiLessons.Attach(state, Env);
        var course = state.LessonScreen.Course!;
        course.Progress.AnsweredRight("lost-update", 1);
        var saved = course.Save();

        Assert.Contains("this progress file is damaged", state.Status, StringComparison.Ordinal);
        Assert.StartsWith("progress not kept: ", saved, StringComparison.Ordinal);
        Assert.Equal("{ not json", File.ReadAllText(ProgressFile));
    }

    [Fact]
    public void Attach_NoProgressYet_SaveWritesTheFile()
    {
        var state = TuiVerb.Open(null, null);
        TuiLessons.Attach(state, Env);
        state.LessonScreen.Course!.Progress.AnsweredRight("lost-update", 2);

        Assert.Null(state.LessonScreen.Course.Save());
        Assert.Contains("\"lost-update\"", File.ReadAllText(ProgressFile), StringComparison.Ordinal);
    }
}
