using IpcLab.Core.Lessons;
using IpcLab.Tui.Lessons;
using IpcLab.Tui.Tests.App;
using IpcLab.Tui.Tests.Gui;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>
/// The repository's lessons as the UI gets them, named as from the repository's root (so the
/// frames are the same on every machine), with progress kept in memory: every save is recorded.
/// </summary>
internal sealed class LessonKit
{
    private static readonly Lazy<IReadOnlyList<Lesson>> _path = new(LoadPath);

    public LessonKit(Progress? progress = null)
    {
        Progress = progress ?? new Progress();
        Course = new LessonCourse(Path, Progress, p =>
        {
            Saves.Add(p.ToJson());
            return null;
        });
    }

    public static IReadOnlyList<Lesson> Path => _path.Value;

    public Progress Progress { get; }

    public LessonCourse Course { get; }

    /// <summary>The progress as saved, one JSON text a save.</summary>
    public List<string> Saves { get; } = [];

    public static Lesson Get(string id) => Path.First(l => l.Id == id);

    /// <summary>The start screen with the path before the programs, the next lesson highlighted.</summary>
    public TuiState StartScreen()
    {
        var state = new TuiState { Lessons = [new LessonEntry("lessons/bounded-buffer.ipl", "bounded-buffer", "The correct bounded buffer.")] };
        state.LessonScreen.Course = Course;
        state.Lessons = Course.Entries(state.Lessons);
        state.LessonIndex = Course.FirstChoice(state.Lessons);
        return state;
    }

    /// <summary>The Terminal.Gui screen with the lesson opened from the start page (its entry chosen, Enter), at step 0 of its first program.</summary>
    public GuiHarness Gui(string id, int width, int height)
    {
        var state = StartScreen();
        state.LessonIndex = state.Lessons.ToList().FindIndex(e => e.Lesson?.Id == id);
        var gui = new GuiHarness(state, width, height);
        gui.Type("\r");
        return gui;
    }

    private static IReadOnlyList<Lesson> LoadPath()
    {
        var folder = System.IO.Path.Combine(Repo.Root, "lessons");
        var lessons = Directory.GetFiles(folder, "*.md")
            .Select(System.IO.Path.GetFileName)
            .Where(f => LessonPath.IsLessonFile(f!))
            .Select(f => LessonParser.Parse($"lessons/{f}", File.ReadAllText(System.IO.Path.Combine(folder, f!)), ReadFromRoot));
        return LessonPath.Order(lessons);
    }

    private static string? ReadFromRoot(string path)
    {
        var full = System.IO.Path.Combine(Repo.Root, path);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }
}
