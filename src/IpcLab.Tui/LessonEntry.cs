namespace IpcLab.Tui;

/// <summary>A program on the start screen: its file, its name and its first comment line (or a lesson of the path, listed before the programs).</summary>
public sealed record LessonEntry(string Path, string Name, string Description)
{
    /// <summary>The lesson of the path this entry opens (its file is <see cref="Path"/>); null for a program.</summary>
    public Core.Lessons.Lesson? Lesson { get; init; }

    /// <summary>The .ipl files of a folder, ordered by name ("shm-race" before "shm-race-fix"), each path made by <paramref name="pathOf"/>.</summary>
    public static IReadOnlyList<LessonEntry> ListIn(string dir, Func<string, string> pathOf) =>
        Directory.GetFiles(dir, "*.ipl")
            .OrderBy(f => System.IO.Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal)
            .Select(f => new LessonEntry(pathOf(f), System.IO.Path.GetFileNameWithoutExtension(f), Describe(f)))
            .ToArray();

    /// <summary>The first comment line of a script, without its '#'.</summary>
    public static string Describe(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            var t = line.Trim();
            if (t.StartsWith('#'))
            {
                return t.TrimStart('#').Trim();
            }

            if (t.Length > 0)
            {
                break;
            }
        }

        return "";
    }
}
