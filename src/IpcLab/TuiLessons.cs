using IpcLab.Diagnostics;
using IpcLab.Tui;
using IpcLab.Tui.Lessons;

namespace IpcLab;

/// <summary>
/// Gives the terminal UI the path of lessons and the student's progress (the same files as
/// <c>ipclab lesson</c>): the start screen lists the path with its marks, and a lesson taken in
/// the UI keeps its progress. A problem (a malformed lesson, a damaged progress file) is said on
/// the status line, and the rest still works.
/// </summary>
internal static class TuiLessons
{
    public static void Attach(TuiState state, CliEnvironment env)
    {
        var folder = LessonMenu.FindLessons();
        if (folder is null)
        {
            return;
        }

        var problems = new List<string>();
        var path = LessonFiles.LoadPathForListing(folder, problems);
        if (path.Count == 0)
        {
            return;
        }

        Func<Core.Lessons.Progress, string?> save;
        Core.Lessons.Progress progress;
        try
        {
            var file = LessonFiles.ProgressFile(env);
            progress = LessonFiles.LoadProgress(file);
            save = p => Save(file, p);
        }
        catch (InputException e)
        {
            // A damaged progress file is left as it is (never overwritten); the lessons still open.
            progress = new Core.Lessons.Progress();
            save = _ => $"progress not kept: {e.Message}";
            problems.Add(e.Message);
        }

        var course = new LessonCourse(path, progress, save);
        state.LessonScreen.Course = course;
        state.Lessons = course.Entries(state.Lessons);
        state.LessonIndex = course.FirstChoice(state.Lessons);
        if (problems.Count > 0 && state.Screen == Screen.Start)
        {
            state.Status = problems.Count == 1 ? problems[0] : $"{problems[0]} (and {problems.Count - 1} more: `ipclab lesson` lists them)";
        }
    }

    private static string? Save(string file, Core.Lessons.Progress progress)
    {
        try
        {
            LessonFiles.SaveProgress(file, progress);
            return null;
        }
        catch (InputException e)
        {
            return $"progress not kept: {e.Message}";
        }
    }
}
