using System.Globalization;

namespace IpcLab.Fuzz;

/// <summary>
/// <c>make fuzz N=100000 [SEED=1] [OUT=fuzz-crashes]</c>: N mutants of the lessons and of their
/// saved runs (three scripts for each saved run), each run through the command line; prints the
/// count of each outcome and saves every crashing mutant to OUT as SEED-LESSON.ipl (or .run.json)
/// with SEED-LESSON.txt: the arguments, the exit code, stderr, why it counts as a crash and the
/// crash log.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var count = Option(args, "--count", 10_000);
        var seed = (ulong)Option(args, "--seed", 1);
        var outDir = Path.GetFullPath(OptionText(args, "--out") ?? "fuzz-crashes");
        var workDir = Path.Combine(Path.GetTempPath(), "ipclab-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        try
        {
            var corpus = Corpus.Load(Corpus.FindRoot(AppContext.BaseDirectory), workDir);
            var probe = new CliProbe(corpus, workDir);
            var counts = Enum.GetValues<FuzzOutcome>().ToDictionary(o => o, _ => 0);
            Console.WriteLine($"fuzzing {count} mutants of {corpus.Lessons.Count} lessons and their saved runs, seeds {seed}..{seed + (ulong)count - 1}, step budget {CliProbe.MaxSteps}");
            for (var i = 0; i < count; i++)
            {
                var input = corpus.Input(i % 4 == 3 ? FuzzKind.SavedRun : FuzzKind.Script, seed + (ulong)i);
                var result = probe.Run(input);
                counts[result.Outcome]++;
                if (result.Outcome == FuzzOutcome.Crash)
                {
                    Save(outDir, input, result);
                }

                if ((i + 1) % 1000 == 0)
                {
                    Console.WriteLine($"  {i + 1} mutants: {Summary(counts)}");
                }
            }

            Console.WriteLine($"done: {Summary(counts)}");
            if (counts[FuzzOutcome.Crash] > 0)
            {
                Console.WriteLine($"crashing mutants saved in {outDir}");
            }

            return counts[FuzzOutcome.Crash] == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    private static string Summary(Dictionary<FuzzOutcome, int> counts) =>
        $"exit 0: {counts[FuzzOutcome.Exit0]}, exit 1: {counts[FuzzOutcome.Exit1]}, exit 2: {counts[FuzzOutcome.Exit2]}, crash: {counts[FuzzOutcome.Crash]}";

    private static void Save(string outDir, FuzzInput input, FuzzResult result)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, input.FileName), input.Text, CliProbe.Utf8);
        File.WriteAllText(
            Path.Combine(outDir, Path.GetFileNameWithoutExtension(input.FileName.Replace(".run.json", ".json", StringComparison.Ordinal)) + ".txt"),
            $"seed: {input.Seed}\nlesson: {input.Lesson}\nkind: {input.Kind}\narguments: {string.Join(' ', result.Args)}\nexit: {result.Exit}\n"
            + $"why a crash: {result.Problem}\nstderr:\n{result.Stderr}\ncrash log:\n{result.CrashLog ?? "(none)"}\n",
            CliProbe.Utf8);
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
