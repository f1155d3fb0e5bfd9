namespace IpcLab.Fuzz;

/// <summary>
/// What the mutants are made from: every lesson in <c>lessons/*.ipl</c>, and for each a run saved
/// by the real command (<c>ipclab run LESSON --seed 1 --max-steps 200 --save RUN.json</c>,
/// in-process). The input of a seed is always the same mutant.
/// </summary>
public sealed class Corpus
{
    private Corpus(IReadOnlyList<Lesson> lessons) => Lessons = lessons;

    public sealed record Lesson(string Name, string Path, string Script, string SavedRun);

    public IReadOnlyList<Lesson> Lessons { get; }

    /// <summary>Reads the lessons of the repository at <paramref name="root"/> and saves a run of each in <paramref name="workDir"/>.</summary>
    public static Corpus Load(string root, string workDir)
    {
        var lessons = new List<Lesson>();
        foreach (var path in Directory.GetFiles(Path.Combine(root, "lessons"), "*.ipl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var saved = Path.Combine(workDir, name + ".run.json");
            var exit = Cli.Execute(["run", path, "--seed", "1", "--max-steps", "200", "--save", saved], TextWriter.Null, TextWriter.Null);
            if (exit is not (0 or 1) || !File.Exists(saved))
            {
                throw new InvalidOperationException($"cannot save a run of {path} to mutate (exit {exit})");
            }

            lessons.Add(new Lesson(name, path, File.ReadAllText(path), File.ReadAllText(saved)));
        }

        return lessons.Count > 0 ? new Corpus(lessons) : throw new InvalidOperationException($"no lessons in {Path.Combine(root, "lessons")}");
    }

    /// <summary>The mutant of a seed: a lesson chosen by the seed, mutated as a script or as its saved run.</summary>
    public FuzzInput Input(FuzzKind kind, ulong seed) =>
        Input(kind, seed, Lessons[new Mutator(seed).Random.Next(Lessons.Count)]);

    /// <summary>The mutant of a seed made from a given lesson (the lesson's name is mixed into the seed, so the same seed mutates each lesson differently).</summary>
    public static FuzzInput Input(FuzzKind kind, ulong seed, Lesson lesson)
    {
        var mutator = new Mutator(seed ^ NameHash(lesson.Name));
        var text = kind == FuzzKind.Script ? mutator.Script(lesson.Script) : new JsonMutator(mutator).SavedRun(lesson.SavedRun);
        return new FuzzInput(kind, seed, lesson.Name, text);
    }

    /// <summary>FNV-1a of the name: the same on every machine and run (string.GetHashCode is not).</summary>
    private static ulong NameHash(string name)
    {
        var h = 14695981039346656037UL;
        foreach (var c in name)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>The repository root above <paramref name="start"/> (the folder with IpcLab.sln).</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpcLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (IpcLab.sln) above " + start);
    }
}
