using System.Diagnostics;
using System.Globalization;
using IpcLab.Core.Explore;

namespace IpcLab;

/// <summary>The words of <c>ipclab check</c>'s sampling: its options, its progress line, what it ran and how it shrank.</summary>
internal static class CheckSampling
{
    /// <summary>The check's options from the command line: --strategy, --pct and --workers checked.</summary>
    public static CheckOptions Options(CheckVerb.Options opt)
    {
        if (opt.PctDepth is < 1)
        {
            throw new InputException("--pct must be at least 1 (the bug depth: 1 is fixed priorities, 2 one change point, ...)");
        }

        if (opt.Workers is < 1)
        {
            throw new InputException("--workers must be at least 1");
        }

        var strategy = Strategy(opt.Strategy, opt.PctDepth);
        return new CheckOptions
        {
            Runs = opt.Runs,
            Seed = opt.Seed,
            MaxSteps = opt.MaxSteps,
            RandomWaiters = opt.RandomWaiters,
            Strategy = strategy,
            PctDepth = opt.PctDepth ?? CheckOptions.DefaultPctDepth,
            Workers = opt.Workers ?? 0,
        };
    }

    /// <summary>
    /// The strategy --strategy names (check and run alike); without it PCT when --pct is given, else
    /// the portfolio. --pct with another strategy is refused.
    /// </summary>
    public static SamplingStrategy Strategy(string? name, int? pctDepth)
    {
        var strategy = name switch
        {
            null => pctDepth is null ? SamplingStrategy.Portfolio : SamplingStrategy.Pct,
            "random" => SamplingStrategy.Random,
            "pct" => SamplingStrategy.Pct,
            "sticky" => SamplingStrategy.Sticky,
            _ => SamplingStrategy.Portfolio,
        };
        if (pctDepth is not null && strategy != SamplingStrategy.Pct)
        {
            throw new InputException($"--pct sets the depth of PCT runs: it does not apply with --strategy {name}");
        }

        return strategy;
    }

    /// <summary>The options with --spurious and each --crash NAME (a thread or a process; an unknown name is refused).</summary>
    public static CheckOptions WithInjections(CheckOptions options, CheckVerb.Options opt, Core.Model.CompiledProgram program)
    {
        var crashes = ExploreReductions.WithCrashes(new ExploreOptions(), program, opt.Crash);
        return options with { SpuriousWakeups = opt.Spurious, CrashThreads = crashes.CrashThreads, CrashProcesses = crashes.CrashProcesses };
    }

    /// <summary>A line on standard error at most once a second while the runs go on, after the first second.</summary>
    public static Action<int> Progress(TextWriter err, int runs)
    {
        var clock = Stopwatch.StartNew();
        var next = 1000L;
        return done =>
        {
            if (clock.ElapsedMilliseconds >= next)
            {
                next = clock.ElapsedMilliseconds + 1000;
                err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checking: {done:N0} of {runs:N0} runs"));
            }
        };
    }

    /// <summary>"seeds 1..1000, a portfolio: random and PCT at depths 1 to 3 in turn (PCT's change points among 52 steps)".</summary>
    public static string Describe(CheckOptions options, CheckReport report)
    {
        var seeds = $"seeds {options.Seed}..{options.Seed + (ulong)options.Runs - 1}";
        var waiters = options.RandomWaiters ? ", random waiters" : "";
        waiters += options.SpuriousWakeups ? ", spurious wake-ups injected" : "";
        waiters += options.CrashThreads.Count + options.CrashProcesses.Count > 0 ? ", crashes injected" : "";
        return options.Strategy switch
        {
            SamplingStrategy.Random => $"random schedules with {seeds}{waiters}",
            SamplingStrategy.Pct => $"PCT schedules of depth {options.PctDepth} with {seeds} (change points among {report.ExpectedSteps} steps){waiters}",
            SamplingStrategy.Sticky => $"sticky random walks (a switch one step in {SamplingPlan.StickySwitch}) with {seeds}{waiters}",
            _ => $"a portfolio with {seeds}: by seed mod 8, 0 and 4 random, 2 PCT of depth 3 (change points among {report.ExpectedSteps} steps), the others sticky random walks{waiters}",
        };
    }

    /// <summary>How to see a run found again: the run command that makes the seed's run again (strategy, seed and the options it depends on).</summary>
    public static string Replay(CheckVerb.Options opt, CheckOptions options, FoundRun run) =>
        $"{run.Scheduler}; replay: {RunSampling.Command(opt.File, opt, options, run.Seed)}";

    /// <summary>"shrunk to 34 steps (breadth-first: no run reaches it in fewer; 25,433 states)".</summary>
    public static string Shrunk(ShrinkResult shrink) => shrink.Method switch
    {
        ShrinkMethod.BreadthFirst => string.Create(CultureInfo.InvariantCulture,
            $"shrunk to {shrink.Run.Schedule.Count} steps (breadth-first, {shrink.States:N0} states: no run reaches it in fewer)"),
        ShrinkMethod.DeltaDebugging => string.Create(CultureInfo.InvariantCulture,
            $"shrunk to {shrink.Run.Schedule.Count} steps (delta debugging, {shrink.Candidates:N0} candidates: shorter, maybe not shortest; the breadth-first search stopped at {shrink.States:N0} states)"),
        ShrinkMethod.Endings when shrink.IsShortest => string.Create(CultureInfo.InvariantCulture,
            $"shrunk to {shrink.Run.Schedule.Count} steps (searches back from the finding reached the start, {shrink.EndingStates:N0} states: no run reaches it in fewer; the breadth-first search from the start stopped at {shrink.States:N0} states)"),
        ShrinkMethod.Endings or ShrinkMethod.Shortcuts => string.Create(CultureInfo.InvariantCulture,
            $"shrunk to {shrink.Run.Schedule.Count} steps ({Found(shrink)} gave {shrink.SplicedLength}, then delta debugging, {shrink.Candidates:N0} candidates: shorter, maybe not shortest; the breadth-first search from the start stopped at {shrink.States:N0} states)"),
        _ => $"not shrunk: every run that uses the whole step budget is {shrink.Run.Schedule.Count} steps",
    };

    /// <summary>"2 shorter endings found by 1,000,000 states of searches back from the finding, 1 shortcut found by 87,696 states of small searches along the run".</summary>
    private static string Found(ShrinkResult shrink)
    {
        var endings = string.Create(CultureInfo.InvariantCulture, $"{shrink.Endings} shorter endings found by {shrink.EndingStates:N0} states of searches back from the finding");
        var shortcuts = string.Create(CultureInfo.InvariantCulture, $"{shrink.Shortcuts} shortcuts found by {shrink.ShortcutStates:N0} states of small searches along the run");
        return shrink.Endings == 0 ? shortcuts : shrink.Shortcuts == 0 ? endings : $"{endings}, {shortcuts}";
    }
}
