using IpcLab.Core.Lessons;
using IpcLab.Core.Model;
using IpcLab.Core.Script;
using IpcLab.Diagnostics;

namespace IpcLab;

/// <summary>Reads the path of lessons and the student's progress, turning every problem into a clear <see cref="InputException"/>.</summary>
internal static class LessonFiles
{
    /// <summary>The lessons folder (see <see cref="LessonMenu.FindLessons"/>), or an error.</summary>
    public static string Folder() =>
        LessonMenu.FindLessons() ?? throw new InputException("no lessons/ folder here or above the program: run `ipclab lesson` in the repository, or give a lesson file (NN-name.md)");

    /// <summary>Every lesson of the folder, in the order of the path.</summary>
    public static IReadOnlyList<Lesson> LoadPath(string folder)
    {
        var lessons = Directory.GetFiles(folder, "*.md")
            .Where(f => LessonPath.IsLessonFile(Path.GetFileName(f)))
            .Select(f => Load(Path.GetRelativePath(Environment.CurrentDirectory, f)));
        try
        {
            return LessonPath.Order(lessons);
        }
        catch (LessonError e)
        {
            throw new InputException(e.Message);
        }
    }

    /// <summary>
    /// The lessons of the folder that can be read, in the order of the path, for a listing: a
    /// malformed lesson file, a repeated id or an unknown prerequisite is one message each
    /// (file:line:column) in <paramref name="problems"/>, and the other lessons are still listed.
    /// </summary>
    public static IReadOnlyList<Lesson> LoadPathForListing(string folder, ICollection<string> problems)
    {
        var lessons = new List<Lesson>();
        foreach (var f in Directory.GetFiles(folder, "*.md").Where(f => LessonPath.IsLessonFile(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            try
            {
                lessons.Add(Load(Path.GetRelativePath(Environment.CurrentDirectory, f)));
            }
            catch (InputException e)
            {
                problems.Add(e.Message);
            }
        }

        var order = new List<LessonError>();
        var path = LessonPath.OrderForListing(lessons, order);
        foreach (var e in order)
        {
            problems.Add(e.Message);
        }

        return path;
    }

    public static Lesson Load(string file)
    {
        try
        {
            return LessonParser.Parse(file, InputFiles.ReadText(file), ReadIfThere);
        }
        catch (LessonError e)
        {
            throw new InputException(e.Message);
        }
    }

    /// <summary>A lesson by id, by its number on the path (<c>1</c> or <c>01</c>), or by the path of its file.</summary>
    public static (Lesson Lesson, IReadOnlyList<Lesson> Path) Find(string which)
    {
        if (which.EndsWith(".md", StringComparison.Ordinal))
        {
            InputFiles.CheckName(which, "ID");
            var alone = Load(which);
            return (alone, [alone]);
        }

        var path = LoadPath(Folder());
        var found = path.FirstOrDefault(l => l.Id == which)
            ?? path.FirstOrDefault(l => int.TryParse(which, out var n) && Path.GetFileName(l.File).StartsWith($"{n:D2}-", StringComparison.Ordinal));
        return found is null
            ? throw new InputException($"no lesson '{which}'; the lessons are {string.Join(", ", path.Select(l => l.Id))}")
            : (found, path);
    }

    /// <summary>Compiles a program file; null when there is no such file.</summary>
    public static CompiledProgram? CompileIfThere(string path) =>
        ReadIfThere(path) is { } text ? Compiler.CompileText(path, text) : null;

    /// <summary>$XDG_STATE_HOME/ipclab/progress.json, or ~/.local/state/ipclab/progress.json.</summary>
    public static string ProgressFile(CliEnvironment env)
    {
        var state = env.Variable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
        {
            var home = env.Variable("HOME");
            if (string.IsNullOrEmpty(home))
            {
                throw new InputException("cannot keep progress: neither XDG_STATE_HOME nor HOME is set");
            }

            state = Path.Combine(home, ".local", "state");
        }

        return Path.Combine(state, "ipclab", "progress.json");
    }

    public static Progress LoadProgress(string file)
    {
        if (!File.Exists(file))
        {
            return new Progress();
        }

        try
        {
            return Progress.Parse(InputFiles.ReadText(file));
        }
        catch (FormatException e)
        {
            throw new InputException($"{file}: this progress file is damaged ({e.Message}); move it away to start afresh (it is left as it is)");
        }
    }

    public static void SaveProgress(string file, Progress progress)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{file}: cannot keep progress: {e.Message}");
        }

        AtomicFile.Write(file, progress.ToJson());
    }

    private static string? ReadIfThere(string path) => File.Exists(path) ? InputFiles.ReadText(path) : null;
}
