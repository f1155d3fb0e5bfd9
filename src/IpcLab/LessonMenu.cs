namespace IpcLab;

/// <summary>
/// The programs in <c>lessons/</c> with their one-line descriptions: printed as text by
/// <c>ipclab</c> when it is not on a terminal (pipes, CI), and listed on the TUI's start screen.
/// </summary>
internal static class LessonMenu
{
    public static int Execute(TextWriter o, TextWriter err, Diagnostics.CliEnvironment env)
    {
        var dir = FindLessons();
        if (dir is null)
        {
            o.WriteLine("IpcLab: learn how programs talk to each other, one atomic step at a time.");
            o.WriteLine();
            o.WriteLine("No lessons/ folder found here or above the program. Run `ipclab run FILE` on a script.");
            return 0;
        }

        return List(o, err, dir, env);
    }

    /// <summary>
    /// The path of lessons in <paramref name="dir"/> and its programs. A malformed lesson does not
    /// stop the listing: its error goes to <paramref name="err"/> at its position, the others are
    /// listed, and the exit code is 2.
    /// </summary>
    public static int List(TextWriter o, TextWriter err, string dir, Diagnostics.CliEnvironment env)
    {
        o.WriteLine("IpcLab: learn how programs talk to each other, one atomic step at a time.");
        o.WriteLine();
        var problems = new List<string>();
        PrintPath(o, dir, env, problems);

        var lessons = Tui.LessonEntry.ListIn(dir, f => f);
        o.WriteLine($"Programs in {Path.GetRelativePath(Environment.CurrentDirectory, dir)}/:");
        var width = lessons.Count == 0 ? 0 : lessons.Max(l => Path.GetFileName(l.Path).Length);
        foreach (var lesson in lessons)
        {
            o.WriteLine($"  {Path.GetFileName(lesson.Path).PadRight(width)}  {lesson.Description}");
        }

        var example = Path.GetRelativePath(
            Environment.CurrentDirectory,
            lessons.FirstOrDefault(l => l.Name == "bounded-buffer")?.Path ?? (lessons.Count > 0 ? lessons[0].Path : null) ?? Path.Combine(dir, "bounded-buffer.ipl"));
        o.WriteLine();
        o.WriteLine("Try:");
        o.WriteLine($"  ipclab run {example}            # one run, step by step");
        o.WriteLine($"  ipclab run {example} --seed 7   # another schedule");
        o.WriteLine($"  ipclab check {example}          # search 1000 schedules for a bug");
        o.WriteLine($"  ipclab tui {example}            # the interactive step-by-step view");
        o.WriteLine();
        o.WriteLine("On a terminal, `ipclab` alone opens the interactive view; `ipclab --help` lists the verbs.");
        foreach (var problem in problems)
        {
            err.WriteLine($"ipclab: {problem}");
        }

        return problems.Count == 0 ? 0 : 2;
    }

    /// <summary>The path of lessons with the student's progress marks, before the programs.</summary>
    private static void PrintPath(TextWriter o, string dir, Diagnostics.CliEnvironment env, List<string> problems)
    {
        var path = LessonFiles.LoadPathForListing(dir, problems);
        if (problems.Count > 0)
        {
            o.WriteLine($"({problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the lessons, said on standard error; the path lists the lessons that could be read)");
        }

        if (path.Count == 0)
        {
            return;
        }

        Core.Lessons.Progress progress;
        try
        {
            progress = LessonFiles.LoadProgress(LessonFiles.ProgressFile(env));
        }
        catch (InputException e)
        {
            // The menu still lists the path; the reason the marks are missing is said, not hidden.
            o.WriteLine($"(progress not shown: {e.Message})");
            progress = new Core.Lessons.Progress();
        }

        o.WriteLine("The path of lessons (ipclab lesson shows it with your progress, ipclab lesson ID takes one):");
        var width = path.Max(l => l.Id.Length);
        foreach (var (lesson, state) in progress.States(path))
        {
            var mark = state switch { Core.Lessons.LessonState.Done => "✓", Core.Lessons.LessonState.Current => "▶", Core.Lessons.LessonState.Open => " ", _ => "·" };
            o.WriteLine($"  {mark} {Path.GetFileName(lesson.File)[..2]} {lesson.Id.PadRight(width)}  {lesson.Title}");
        }

        o.WriteLine();
    }

    /// <summary>The programs for the TUI's start screen (paths relative to the current folder), or none.</summary>
    public static IReadOnlyList<Tui.LessonEntry> Entries()
    {
        var dir = FindLessons();
        return dir is null
            ? []
            : Tui.LessonEntry.ListIn(dir, f => Path.GetRelativePath(Environment.CurrentDirectory, f));
    }

    /// <summary>The lessons folder: ./lessons, or one above the program (when run from the repository).</summary>
    internal static string? FindLessons()
    {
        var here = Path.Combine(Environment.CurrentDirectory, "lessons");
        if (Directory.Exists(here))
        {
            return here;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "lessons");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "IpcLab.sln")))
            {
                return candidate;
            }
        }

        return null;
    }
}
