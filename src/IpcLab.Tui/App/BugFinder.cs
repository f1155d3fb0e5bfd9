using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.App;

/// <summary>
/// "Find the bug" from the run screen: the checker of <c>ipclab check</c> (the same
/// <see cref="Checker"/>, with its default runs and seeds) on the open program, and the shortest
/// failing run it finds, shrunk, opened as a session at its end.
/// </summary>
public static class BugFinder
{
    /// <summary>The options <c>ipclab check FILE</c> uses when given none.</summary>
    public static CheckOptions Options { get; } = new();

    public static CheckReport Check(CompiledProgram program) => Checker.Check(program, Options);

    /// <summary>What the checker saw, in a sentence or two: what it found and the shortest run, or that it found nothing.</summary>
    public static string Summary(CheckReport report)
    {
        var seeds = $"{report.Runs} random runs (seeds {Options.Seed}-{Options.Seed + (ulong)report.Runs - 1}, as ipclab check)";
        if (report.Shrunk is not { } shrunk)
        {
            var finals = report.DistinctFinalStates;
            return $"the checker found nothing in {seeds}: no fault, deadlock or failed check, {finals} distinct final state{(finals == 1 ? "" : "s")}. That is evidence, not proof: the manual scheduler can still try other orders";
        }

        var found = report.First!.Main.KindText;
        return $"the checker found a {found} in {report.RunsWithFindings} of {seeds}. The shortest, shrunk to {Steps(shrunk.Schedule.Count)}, ends: {shrunk.Main.Text}";
    }

    /// <summary>The shortest failing run (shrunk) as a session at its last step, so the finding shows; null when there is none.</summary>
    public static Session? OpenShortest(CompiledProgram program, CheckReport report)
    {
        if (report.Shrunk is not { } shrunk)
        {
            return null;
        }

        // Session.Load does not conclude a run it loads to its very end (the deadlock would not
        // show), so it loads to the step before and redoes the last step, which concludes.
        var session = RunFiles.NewSession(program, shrunk.Schedule.Count);
        session.Load(shrunk.Schedule, shrunk.Schedule.Count - 1);
        session.GoTo(shrunk.Schedule.Count);
        return session;
    }

    private static string Steps(int n) => n == 1 ? "1 step" : $"{n} steps";
}
