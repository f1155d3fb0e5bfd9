using IpcLab.Core.Explore;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Diagnostics;

namespace IpcLab;

/// <summary><c>ipclab check FILE</c>: many seeded random runs; the first finding, explained and shrunk.</summary>
internal static class CheckVerb
{
    public sealed record Options(string File, int Runs, ulong Seed, int MaxSteps, bool RandomWaiters, string? Save, bool Guarantee = false, bool All = false, int MaxStates = ExploreOptions.DefaultMaxStates)
    {
        /// <summary>With --all: the symmetry reduction.</summary>
        public bool Symmetry { get; init; }

        /// <summary>With --all: the partial-order reduction.</summary>
        public bool PartialOrder { get; init; }

        /// <summary>With --all: the merging of invisible steps.</summary>
        public bool Merge { get; init; }

        /// <summary>With --all: the memory limit in megabytes, if any.</summary>
        public int? MaxMemory { get; init; }

        /// <summary>With --all: explore without the reductions too and print both counts.</summary>
        public bool Compare { get; init; }

        /// <summary>With --all: spurious wake-ups as choices.</summary>
        public bool Spurious { get; init; }

        /// <summary>With --all: the threads and processes whose crash is a choice, by name.</summary>
        public IReadOnlyList<string> Crash { get; init; } = [];

        /// <summary>Sampling: random, pct or portfolio (null: pct with --pct, else the portfolio).</summary>
        public string? Strategy { get; init; }

        /// <summary>Sampling: the PCT depth.</summary>
        public int? PctDepth { get; init; }

        /// <summary>Sampling: the worker threads (null: one a processor).</summary>
        public int? Workers { get; init; }
    }

    public static int Execute(Options opt, CliContext context)
    {
        var (o, log) = (context.Out, context.Logger);
        if (opt.Runs < 1)
        {
            throw new InputException("--runs must be at least 1");
        }

        if (opt.MaxSteps < 1)
        {
            throw new InputException("--max-steps must be at least 1");
        }

        InputFiles.CheckName(opt.File, "FILE");
        InputFiles.CheckName(opt.Save, "--save");
        AtomicFile.Check(opt.Save, ScriptInput(opt));

        if (opt.All && opt.Guarantee)
        {
            throw new InputException("--all and --guarantee cannot be combined: the guarantee check samples runs with crashes");
        }

        if (!opt.All && (opt.Symmetry || opt.PartialOrder || opt.Merge || opt.Compare))
        {
            throw new InputException($"{(opt.Symmetry ? "--symmetry" : opt.PartialOrder ? "--partial-order" : opt.Merge ? "--merge" : "--compare")} reduces the exhaustive search: use it with --all");
        }

        if (!opt.All && opt.MaxMemory is not null)
        {
            throw new InputException("--max-memory bounds the exhaustive search: use it with --all");
        }

        if (opt.Guarantee && (opt.Spurious || opt.Crash.Count > 0))
        {
            throw new InputException($"{(opt.Spurious ? "--spurious" : "--crash")} injects into the runs of --all or of the sampling: the guarantee check makes its own crashes");
        }

        if ((opt.All || opt.Guarantee) && (opt.Strategy is not null || opt.PctDepth is not null || opt.Workers is not null))
        {
            throw new InputException($"{(opt.Strategy is not null ? "--strategy" : opt.PctDepth is not null ? "--pct" : "--workers")} chooses how random runs are sampled: it does not apply with {(opt.All ? "--all" : "--guarantee")}");
        }

        var sampling = CheckSampling.Options(opt);
        var program = InputFiles.LoadScript(opt.File, log);
        if (opt.All)
        {
            return ExploreVerb.Execute(opt, program, context);
        }

        if (opt.Guarantee)
        {
            return GuaranteeVerb.Execute(opt, program, context);
        }

        sampling = CheckSampling.WithInjections(sampling, opt, program);
        var report = Checker.Check(program, sampling with { Progress = CheckSampling.Progress(context.Err, opt.Runs), ShrinkProgress = context.Err.WriteLine });
        o.WriteLine($"checked {opt.File}: {report.Runs} runs, {CheckSampling.Describe(sampling, report)}");
        CliLog.CheckEnded(log, opt.File, report.Runs, opt.Seed, report.RunsWithFindings, report.First is null ? "" : $"; first {report.First.Main.KindText} with seed {report.First.Seed}");
        if (program.Threads.Count == 0)
        {
            o.WriteLine($"note: {StepPrinter.NoThread}");
        }

        if (report.First is null)
        {
            o.WriteLine($"no finding: every run ended with no fault, deadlock or failed check; {report.DistinctFinalStates} distinct final state{(report.DistinctFinalStates == 1 ? "" : "s")}");
            return 0;
        }

        var first = report.First;
        o.WriteLine($"FOUND {first.Main.KindText} in {report.RunsWithFindings} of {report.Runs} runs");
        o.WriteLine($"first found with seed {first.Seed} ({CheckSampling.Replay(opt, sampling, first)}):");
        foreach (var f in first.Findings)
        {
            o.WriteLine($"  - step {f.Step}: {TerminalText.Visible(f.Text)}");
        }

        var shortest = report.Shortest!;
        var shrunk = report.Shrunk!;
        o.WriteLine();
        o.WriteLine($"shortest run found: seed {shortest.Seed}, {shortest.Schedule.Count} steps; {CheckSampling.Shrunk(report.Shrink!)}:");
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = Math.Max(opt.MaxSteps, shrunk.Schedule.Count) });
        var result = Runner.Replay(kernel, shrunk.Schedule);
        StepPrinter.PrintSteps(o, kernel);
        StepPrinter.PrintSummary(o, kernel, result, $"shrunk from seed {shortest.Seed}");
        RunVerb.LogRun(log, opt.File, $"shrunk from seed {shortest.Seed}", kernel, result);
        if (opt.Save is not null)
        {
            AtomicFile.Write(opt.Save, SavedRun.From(kernel, $"shrunk from seed {shortest.Seed}").ToJson(), ScriptInput(opt));
            CliLog.Wrote(log, $"the shrunk run ({kernel.Schedule.Count} schedule entries)", opt.Save);
            o.WriteLine($"saved: {opt.Save} (replay with: ipclab run {opt.File} --replay {opt.Save})");
        }

        return 1;
    }

    internal static (string Path, string Role) ScriptInput(Options opt) => (opt.File, "the script this command reads (FILE)");
}
