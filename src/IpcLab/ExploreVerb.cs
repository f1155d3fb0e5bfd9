using System.Globalization;
using System.Runtime.InteropServices;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Diagnostics;

namespace IpcLab;

/// <summary>
/// <c>ipclab check FILE --all</c>: every schedule, breadth-first over the program's states; the
/// exact counts, and the shortest run to each kind of finding. Ctrl-C stops the search and prints
/// what it has.
/// </summary>
internal static class ExploreVerb
{
    private const string What = "every thread that can run at each step, every waiter a signal can wake";

    public static int Execute(CheckVerb.Options opt, CompiledProgram program, CliContext context)
    {
        var (o, log) = (context.Out, context.Logger);
        if (opt.MaxStates < 1)
        {
            throw new InputException("--max-states must be at least 1");
        }

        if (opt.MaxMemory is < 1)
        {
            throw new InputException("--max-memory must be at least 1 (megabytes)");
        }

        using var cancel = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            cancel.Cancel();
        });
        var options = new ExploreOptions { MaxStates = opt.MaxStates, MaxSteps = opt.MaxSteps, Symmetry = opt.Symmetry, PartialOrder = opt.PartialOrder, Merge = opt.Merge, SpuriousWakeups = opt.Spurious };
        options = opt.MaxMemory is { } mb ? options with { MaxMemory = mb * 1_000_000L } : options;
        var progress = new ExploreProgressBar(context.Err, ExploreProgressBar.IsTerminal(context.Err), options.MaxStates, options.MaxMemory);
        options = ExploreReductions.WithCrashes(options, program, opt.Crash);
        var report = Explorer.Explore(program, options, progress, cancel.Token);
        progress.Clear();
        CliLog.ExploreEnded(log, opt.File, report.States, report.Transitions, report.Stop.ToString(), report.Findings.Count);

        o.WriteLine($"explored {opt.File}: {What}{ExploreReductions.Injected(opt, program)}");
        ExploreReductions.PrintReduced(o, report, opt);
        o.WriteLine($"{Count(report.States, "distinct state")}, {Count(report.Transitions, "transition")}, the farthest {Count(report.Depth, "step")} from the start, {Count(report.FinalStates, "final state")} where every thread ended cleanly");
        ExploreReductions.PrintMemory(o, report);
        if (opt.Compare && (opt.Symmetry || opt.PartialOrder || opt.Merge) && report.Stop != ExploreStop.Interrupted)
        {
            var full = Explorer.Explore(program, options with { Symmetry = false, PartialOrder = false, Merge = false }, progress, cancel.Token);
            progress.Clear();
            o.WriteLine($"without reductions: {Count(full.States, "distinct state")}, {Count(full.Transitions, "transition")}{(full.Stop == ExploreStop.Complete ? "" : $" (stopped: {full.Stop})")}");
        }
        var bound = Bound(report, opt);
        if (bound is not null)
        {
            o.WriteLine(bound);
        }

        if (report.Findings.Count == 0)
        {
            o.WriteLine(report.IsExhaustive
                ? "no finding: no schedule of this program deadlocks, faults or fails a check"
                : "no finding in the states explored: this is not yet a statement about every schedule");
            return 0;
        }

        foreach (var found in report.Findings)
        {
            o.WriteLine($"FOUND {found.Main.KindText}: shortest run {Count(found.Schedule.Count, "step")}{(report.IsExhaustive ? " (no schedule reaches it in fewer)" : "")}");
            o.WriteLine($"  - step {found.Main.Step}: {TerminalText.Visible(found.Main.Text)}");
        }

        var shortest = report.Findings[0];
        o.WriteLine();
        o.WriteLine($"the shortest run to the {shortest.Main.KindText}, {Count(shortest.Schedule.Count, "step")}:");
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = Math.Max(opt.MaxSteps, shortest.Schedule.Count) });
        var result = Runner.Replay(kernel, shortest.Schedule);
        StepPrinter.PrintSteps(o, kernel);
        StepPrinter.PrintSummary(o, kernel, result, "the shortest schedule to it");
        RunVerb.LogRun(log, opt.File, "the shortest schedule found by exploring", kernel, result);
        if (opt.Save is not null)
        {
            AtomicFile.Write(opt.Save, SavedRun.From(kernel, "the shortest schedule found by exploring").ToJson(), CheckVerb.ScriptInput(opt));
            CliLog.Wrote(log, $"the shortest run ({kernel.Schedule.Count} schedule entries)", opt.Save);
            o.WriteLine($"saved: {opt.Save} (replay with: ipclab run {opt.File} --replay {opt.Save})");
        }

        return 1;
    }

    /// <summary>Why the search did not see everything, or null when it did.</summary>
    private static string? Bound(ExploreReport report, CheckVerb.Options opt) => report.Stop switch
    {
        ExploreStop.StateLimit => $"stopped at --max-states {opt.MaxStates} with states still to expand: raise it to see the rest",
        ExploreStop.Interrupted => "interrupted with states still to expand: these are the figures so far",
        ExploreStop.MemoryLimit => $"stopped at --max-memory {opt.MaxMemory} MB with states still to expand: raise it to see the rest",
        _ when report.DepthCut > 0 => $"{Count(report.DepthCut, "state")} at --max-steps {opt.MaxSteps} not expanded: runs longer than that were not followed",
        _ => null,
    };

    internal static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");
}
