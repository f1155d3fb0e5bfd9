using IpcLab.Core.Lessons;

namespace IpcLab.Tui.Lessons;

/// <summary>
/// The path of lessons the start screen lists and the student's progress on it. Saving goes
/// through the function the command gives (the progress file under the XDG state folder); it
/// returns why the progress could not be kept, or null.
/// </summary>
public sealed class LessonCourse(IReadOnlyList<Lesson> path, Progress progress, Func<Progress, string?> save)
{
    public IReadOnlyList<Lesson> Path { get; } = path;

    public Progress Progress { get; } = progress;

    /// <summary>Each lesson of the path with where the student stands (✓ done, the current one, open, locked).</summary>
    public IReadOnlyList<(Lesson Lesson, LessonState State)> States() => Progress.States(Path);

    public LessonState StateOf(Lesson lesson) => States().FirstOrDefault(s => s.Lesson.Id == lesson.Id).State;

    /// <summary>The prerequisites of a lesson that are not done yet.</summary>
    public IEnumerable<string> MissingPrerequisites(Lesson lesson) =>
        lesson.Prerequisites.Where(p => !Path.Any(l => l.Id == p && Progress.IsDone(l)));

    /// <summary>The next lesson to take, or null when every lesson is done.</summary>
    public Lesson? Next => States().FirstOrDefault(s => s.State == LessonState.Current).Lesson;

    /// <summary>Keeps the progress; returns why it could not be kept, or null.</summary>
    public string? Save() => save(Progress);

    /// <summary>The lessons of the path (in order), then the programs: the start screen's list.</summary>
    public IReadOnlyList<LessonEntry> Entries(IReadOnlyList<LessonEntry> programs) =>
        [.. Path.Select(l => new LessonEntry(l.File, l.Id, l.Title) { Lesson = l }), .. programs.Where(p => p.Lesson is null)];

    /// <summary>The entry to highlight first: the next lesson, else the first entry.</summary>
    public int FirstChoice(IReadOnlyList<LessonEntry> entries)
    {
        var next = Next;
        return next is null ? 0 : Math.Max(0, entries.ToList().FindIndex(e => e.Lesson?.Id == next.Id));
    }
}
