using System.Globalization;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.App;

/// <summary>
/// "Find the bug" from the run screen. A program small enough is explored completely (the
/// explorer of <c>ipclab check --all</c>): the run opened is a shortest one to the first kind of
/// finding, and "nothing found" holds for every schedule. A larger one gets the checker of
/// <c>ipclab check</c> (its default runs and seeds) and the shortest failing run it finds, shrunk.
/// When the program's own schedules find nothing, the search is made again with the faults
/// <see cref="BugInjections"/> chooses (spurious wake-ups, crashes of the processes the program
/// crashes itself), and the report says which it tried.
/// </summary>
public static class BugFinder
{
    /// <summary>Beyond this many states the screen would wait too long: the random checker takes over.</summary>
    public const int ExploreLimit = 200_000;

    /// <summary>No fault injected: the program's own schedules only.</summary>
    private static readonly BugInjections Plain = new(false, [], []);

    /// <summary>The options <c>ipclab check FILE</c> uses when given none.</summary>
    public static CheckOptions Options { get; } = new();

    /// <summary>The random checker tells how far it is every this many runs (each is a redraw of the progress dialog).</summary>
    public const int ProgressEvery = 50;

    public static BugReport Check(CompiledProgram program) => Check(program, ExploreLimit);

    /// <summary>As <see cref="Check(CompiledProgram)"/>, exploring at most <paramref name="exploreLimit"/> states before sampling instead.</summary>
    public static BugReport Check(CompiledProgram program, int exploreLimit) => Check(program, exploreLimit, null, CancellationToken.None)!;

    /// <summary>
    /// As <see cref="Check(CompiledProgram, int)"/>, telling <paramref name="progress"/> how far the
    /// search is in a sentence; null when <paramref name="cancel"/> stopped it. It builds kernels of
    /// its own from the program, so it may run on any thread while a session of the same program is on screen.
    /// </summary>
    public static BugReport? Check(CompiledProgram program, int exploreLimit, Action<string>? progress, CancellationToken cancel)
    {
        var plain = Search(program, exploreLimit, Plain, progress, cancel);
        var injections = BugInjections.Of(program);
        if (plain is not { Shortest: null } || !injections.Any)
        {
            return plain;
        }

        var injected = Search(program, exploreLimit, injections, progress, cancel);
        return injected is null ? null : injected with
        {
            Summary = injected.Summary + (injected.Shortest is null ? ". Without the injected faults none does either" : ". Without injected faults nothing was found"),
            Exhaustive = injected.Exhaustive && plain.Exhaustive,
        };
    }

    private static BugReport? Search(CompiledProgram program, int exploreLimit, BugInjections inject, Action<string>? progress, CancellationToken cancel)
    {
        progress?.Invoke(Exploring(0, exploreLimit, inject));
        var explored = Explorer.Explore(
            program,
            new ExploreOptions { MaxStates = exploreLimit, MaxSteps = Options.MaxSteps, SpuriousWakeups = inject.SpuriousWakeups, CrashProcesses = inject.CrashProcesses },
            progress is null ? null : new ProgressCallback<ExploreProgress>(p => progress(Exploring(p.States, exploreLimit, inject))),
            cancel);
        if (explored.Stop == ExploreStop.Interrupted)
        {
            return null;
        }

        if (explored.IsExhaustive)
        {
            return FromExploring(explored, inject);
        }

        var runs = Options.Runs;
        progress?.Invoke(Sampling(0, runs, exploreLimit, inject));
        var options = Options with
        {
            SpuriousWakeups = inject.SpuriousWakeups,
            CrashProcesses = inject.CrashProcesses,
            Cancellation = cancel,
            Progress = progress is null ? null : done =>
            {
                if (done > 0 && done % ProgressEvery == 0)
                {
                    progress(Sampling(done, runs, exploreLimit, inject));
                }
            },
            ShrinkProgress = progress is null ? null : line => progress(Shrinking(line, exploreLimit)),
        };
        try
        {
            return FromSampling(Checker.Check(program, options), exploreLimit, inject);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The run to open as a session at its last step, so the finding shows; null when there is none.</summary>
    public static Session? OpenShortest(CompiledProgram program, BugReport report)
    {
        if (report.Shortest is not { } schedule)
        {
            return null;
        }

        var session = RunFiles.NewSession(program, schedule.Count);
        session.Load(schedule, schedule.Count);
        return session;
    }

    private static BugReport FromExploring(ExploreReport report, BugInjections inject)
    {
        var every = string.Create(CultureInfo.InvariantCulture, $"explored every schedule{With(inject)} ({report.States:N0} states, as ipclab check --all{inject.Flags})");
        if (report.Findings.Count == 0)
        {
            return new BugReport($"{every}: none faults, deadlocks or fails a check. That is proof for this program as written, not only evidence", null, Exhaustive: true);
        }

        var shortest = report.Findings[0];
        var others = report.Findings.Count > 1 ? $" (also reachable: {string.Join(", ", report.Findings.Skip(1).Select(f => f.Main.KindText))})" : "";
        return new BugReport(
            $"{every}: {A(shortest.Main.KindText)} is reachable{others}. No schedule reaches it in fewer than {Steps(shortest.Schedule.Count)}; the shortest ends: {shortest.Main.Text}",
            shortest.Schedule,
            Exhaustive: true);
    }

    private static BugReport FromSampling(CheckReport report, int exploreLimit, BugInjections inject)
    {
        var seeds = $"{report.Runs} random runs{With(inject)} (seeds {Options.Seed}-{Options.Seed + (ulong)report.Runs - 1}, as ipclab check{inject.Flags})";
        var tooBig = string.Create(CultureInfo.InvariantCulture, $"more than {exploreLimit:N0} states, too many to explore every schedule here; ");
        if (report.Shrunk is not { } shrunk)
        {
            var finals = report.DistinctFinalStates;
            return new BugReport(
                $"{tooBig}the checker found nothing in {seeds}: no fault, deadlock or failed check, {finals} distinct final state{(finals == 1 ? "" : "s")}. That is evidence, not proof: the manual scheduler can still try other orders",
                null,
                Exhaustive: false);
        }

        var found = report.First!.Main.KindText;
        return new BugReport(
            $"{tooBig}the checker found {A(found)} in {report.RunsWithFindings} of {seeds}. The shortest, shrunk to {Steps(shrunk.Schedule.Count)}, ends: {shrunk.Main.Text}",
            shrunk.Schedule,
            Exhaustive: false);
    }

    private static string With(BugInjections inject) => inject.Any ? $" with {inject.Words} injected" : "";

    private static string Exploring(int states, int limit, BugInjections inject) => string.Create(
        CultureInfo.InvariantCulture,
        $"exploring every schedule{With(inject)} (as ipclab check --all{inject.Flags}), up to {limit:N0} states: {(states == 0 ? "started" : $"{states:N0} states so far")}");

    private static string Sampling(int done, int runs, int limit, BugInjections inject) => string.Create(
        CultureInfo.InvariantCulture,
        $"more than {limit:N0} states, too many to explore every schedule here: the checker runs {runs} random schedules{With(inject)} (as ipclab check{inject.Flags}) · {done} of {runs} done");

    private static string Shrinking(string line, int limit) => string.Create(
        CultureInfo.InvariantCulture,
        $"more than {limit:N0} states, too many to explore every schedule here: the checker found a run that fails; {line}");

    /// <summary>"a deadlock", "an assertion failed".</summary>
    private static string A(string words) => ("aeiou".Contains(words[0], StringComparison.Ordinal) ? "an " : "a ") + words;

    private static string Steps(int n) => n == 1 ? "1 step" : $"{n} steps";
}
