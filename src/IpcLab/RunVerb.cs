using IpcLab.Core.Model;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IpcLab;

/// <summary><c>ipclab run FILE</c>: one run, printed step by step, then a summary.</summary>
internal static class RunVerb
{
    public sealed record Options(string File, ulong? Seed, bool RoundRobin, string? Replay, int MaxSteps, string? Trace, string? Save)
    {
        /// <summary>The checker's sampling strategy the seed is run with (null: a plain random run).</summary>
        public string? Strategy { get; init; }

        /// <summary>With --strategy pct: the PCT depth.</summary>
        public int? PctDepth { get; init; }

        /// <summary>With --strategy: the seed also chooses which waiter a signal wakes.</summary>
        public bool RandomWaiters { get; init; }

        /// <summary>With --strategy: the check's spurious wake-ups.</summary>
        public bool Spurious { get; init; }

        /// <summary>With --strategy: the check's crashes, by thread or process name.</summary>
        public IReadOnlyList<string> Crash { get; init; } = [];
    }

    public static int Execute(Options opt, CliContext context)
    {
        var (o, err, log) = (context.Out, context.Err, context.Logger);
        if ((opt.Seed is null ? 0 : 1) + (opt.RoundRobin ? 1 : 0) + (opt.Replay is null ? 0 : 1) > 1)
        {
            throw new InputException("choose one scheduler: --seed N, --round-robin or --replay RUN.json");
        }

        if (opt.MaxSteps < 1)
        {
            throw new InputException("--max-steps must be at least 1");
        }

        var sampling = RunSampling.Options(opt);

        InputFiles.CheckName(opt.File, "FILE");
        InputFiles.CheckName(opt.Replay, "--replay");
        InputFiles.CheckName(opt.Trace, "--trace");
        InputFiles.CheckName(opt.Save, "--save");
        AtomicFile.Check(opt.Trace, Inputs(opt));
        AtomicFile.Check(opt.Save, Inputs(opt));

        var scriptText = InputFiles.ReadText(opt.File);
        CompiledProgram program;
        SavedRun? saved = null;
        string scheduler;
        if (opt.Replay is not null)
        {
            saved = InputFiles.LoadRun(opt.Replay, log);
            if (saved.Script != scriptText)
            {
                err.WriteLine($"note: {opt.File} differs from the scenario saved in {opt.Replay}; replaying the saved scenario");
            }

            program = InputFiles.Compile(saved.ScriptFile, saved.Script, log);
            scheduler = $"replay of {opt.Replay} ({saved.Scheduler})";
        }
        else
        {
            program = InputFiles.Compile(opt.File, scriptText, log);
            scheduler = opt.RoundRobin ? "round-robin" : sampling is not null ? RunSampling.Describe(program, sampling, opt.Seed ?? 1) : $"random (seed {opt.Seed ?? 1})";
        }

        var maxSteps = saved is null ? opt.MaxSteps : Math.Max(opt.MaxSteps, saved.Schedule.Count);
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = maxSteps });
        RunResult result;
        if (saved is not null)
        {
            try
            {
                result = Runner.Replay(kernel, ResolveSchedule(saved, program, opt.Replay!));
            }
            catch (ReplayException e)
            {
                throw new InputException($"{opt.Replay}: the saved schedule does not fit the scenario: {e.Message}");
            }

            CheckSameEvents(saved, kernel, opt.Replay!);
        }
        else if (sampling is not null)
        {
            result = Core.Explore.Checker.Replay(kernel, RunSampling.WithCrashes(sampling, opt, program), opt.Seed ?? 1);
        }
        else
        {
            IScheduler policy = opt.RoundRobin ? new RoundRobinScheduler() : new RandomScheduler(opt.Seed ?? 1);
            result = Runner.Run(kernel, policy);
        }

        StepPrinter.PrintSteps(o, kernel);
        StepPrinter.PrintSummary(o, kernel, result, scheduler);
        LogRun(log, opt.File, scheduler, kernel, result);
        if (opt.Trace is not null)
        {
            AtomicFile.Write(opt.Trace, EventJson.ToLines(kernel), Inputs(opt));
            CliLog.Wrote(log, $"the trace ({kernel.Events.Count} events)", opt.Trace);
            o.WriteLine($"trace: {kernel.Events.Count} events written to {opt.Trace}");
        }

        if (opt.Save is not null)
        {
            AtomicFile.Write(opt.Save, SavedRun.From(kernel, scheduler).ToJson(), Inputs(opt));
            CliLog.Wrote(log, $"the run ({kernel.Schedule.Count} schedule entries)", opt.Save);
            o.WriteLine($"saved: {opt.Save} (replay with: ipclab run {opt.File} --replay {opt.Save})");
        }

        return result.Outcome == RunOutcome.Completed ? 0 : 1;
    }

    /// <summary>The outcome, then (at debug) each finding and (at trace) every event's sentence.</summary>
    internal static void LogRun(ILogger log, string file, string scheduler, Kernel kernel, RunResult result)
    {
        CliLog.RunEnded(log, file, scheduler, kernel.StepCount, result.Outcome.ToString(), kernel.Findings.Count);
        foreach (var finding in kernel.Findings)
        {
            CliLog.Finding(log, finding.Step, finding.KindText, finding.Text);
        }

        if (log.IsEnabled(LogLevel.Trace))
        {
            foreach (var e in kernel.Events)
            {
                CliLog.Event(log, e.Step, EventText.Describe(e, kernel.Program, kernel.Strings));
            }
        }
    }

    /// <summary>The files this run reads, which its --save and --trace must never replace.</summary>
    private static (string Path, string Role)[] Inputs(Options opt) => opt.Replay is null
        ? [(opt.File, "the script this command reads (FILE)")]
        : [(opt.File, "the script this command reads (FILE)"), (opt.Replay, "the saved run this command reads (--replay)")];

    private static IReadOnlyList<ScheduleEntry> ResolveSchedule(SavedRun saved, CompiledProgram program, string path)
    {
        try
        {
            return saved.ResolveSchedule(program, path);
        }
        catch (SavedRunException e)
        {
            throw new InputException(e.Message);
        }
    }

    /// <summary>A saved run that carries its events must replay to exactly those events.</summary>
    private static void CheckSameEvents(SavedRun saved, Kernel kernel, string path)
    {
        if (saved.Events.Count == 0)
        {
            return;
        }

        var replayed = kernel.Events.Select(e => EventText.Describe(e, kernel.Program, kernel.Strings)).ToArray();
        for (var i = 0; i < Math.Max(replayed.Length, saved.Events.Count); i++)
        {
            var want = i < saved.Events.Count ? saved.Events[i] : "(no event)";
            var got = i < replayed.Length ? replayed[i] : "(no event)";
            if (want != got)
            {
                throw new InputException($"{path}: the replay differs from the saved run at event {i + 1}: saved \"{want}\", replayed \"{got}\"");
            }
        }
    }
}
