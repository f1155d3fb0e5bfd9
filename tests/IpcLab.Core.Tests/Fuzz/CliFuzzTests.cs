using IpcLab.Fuzz;

namespace IpcLab.Core.Tests.Fuzz;

/// <summary>
/// Mutants of every lesson and of a run saved from each (<see cref="Mutator"/>, <see cref="JsonMutator"/>),
/// run through the real command line under a small step budget (<see cref="CliProbe"/>): each
/// exits 0, 1 or 2, with nothing on stderr but clear errors whose file:line:column is inside the
/// file. 100 script mutants and 40 saved-run mutants per lesson (5,460 with the 39 programs of lessons/), the same
/// every time (seeds 1 to 100, 1 to 40); <c>make fuzz N=100000</c> runs many more.
/// </summary>
public sealed class CliFuzzTests(FuzzCorpusFixture fixture) : IClassFixture<FuzzCorpusFixture>
{
    public const int ScriptMutantsPerLesson = 100;
    public const int SavedRunMutantsPerLesson = 40;

    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus.FindRoot(AppContext.BaseDirectory), "lessons"), "*.ipl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Execute_ScriptMutantsOfALesson_ExitCleanly(string lesson) =>
        AssertNoCrash(lesson, FuzzKind.Script, ScriptMutantsPerLesson);

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Execute_SavedRunMutantsOfALesson_ExitCleanly(string lesson) =>
        AssertNoCrash(lesson, FuzzKind.SavedRun, SavedRunMutantsPerLesson);

    private void AssertNoCrash(string name, FuzzKind kind, int count)
    {
        var lesson = fixture.Corpus.Lessons.Single(l => l.Name == name);
        var probe = fixture.NewProbe($"{kind}-{name}");
        var crashes = new List<string>();
        for (var seed = 1UL; seed <= (ulong)count; seed++)
        {
            var input = Corpus.Input(kind, seed, lesson);
            var result = probe.Run(input);
            if (result.Outcome == FuzzOutcome.Crash)
            {
                crashes.Add($"seed {seed} ({string.Join(' ', result.Args)}): {result.Problem}\n{result.Stderr}\n--- the mutant:\n{input.Text}\n");
            }
        }

        Assert.True(crashes.Count == 0, $"{crashes.Count} of {count} {kind} mutants of {name} crashed:\n{string.Join("\n", crashes)}");
    }
}
