using System.Globalization;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;

namespace IpcLab;

/// <summary>
/// The parts of <c>ipclab check --all</c> about what it adds to and takes from the plain search:
/// the injected choices (--spurious, --crash) and the lines that say what each reduction did.
/// </summary>
internal static class ExploreReductions
{
    public static void PrintReduced(TextWriter o, ExploreReport report, CheckVerb.Options opt)
    {
        if (opt.Symmetry && report.Interchangeable.Count > 0)
        {
            o.WriteLine($"symmetry: {string.Join(", ", report.Interchangeable)} interchangeable; a state stands for every renaming of those threads");
        }

        if (opt.PartialOrder && !report.ReductionNotes.Any(n => n.StartsWith("partial order", StringComparison.Ordinal)))
        {
            o.WriteLine(report.SkippedSteps > 0
                ? $"partial order: {ExploreVerb.Count(report.SkippedSteps, "step")} not taken, each leading where the same steps in another order led"
                : "partial order: no step could be skipped (no two steps that commute were tried from one state)");
        }

        if (opt.Merge && !report.ReductionNotes.Any(n => n.StartsWith("merge", StringComparison.Ordinal)))
        {
            o.WriteLine($"merge: {ExploreVerb.Count(report.MergedSteps, "step")} no other thread can observe taken together with their thread's next step (their states not stored)");
        }

        foreach (var note in report.ReductionNotes)
        {
            o.WriteLine(note);
        }
    }

    /// <summary>What the search held: the visited set per state, and the queue of states to expand at its widest.</summary>
    public static void PrintMemory(TextWriter o, ExploreReport report)
    {
        var perState = report.States == 0 ? 0 : report.GraphBytes / report.States;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: {perState} bytes a state in the visited set ({report.GraphBytes / 1e6:N1} MB), {report.FrontierBytes / 1e6:N1} MB at most for the states still to expand"));
    }

    /// <summary>The options with each <c>--crash NAME</c> resolved to a thread or a process; an unknown name is refused.</summary>
    public static ExploreOptions WithCrashes(ExploreOptions options, CompiledProgram program, IReadOnlyList<string> names)
    {
        var threads = new List<int>();
        var processes = new List<int>();
        foreach (var name in names)
        {
            if (program.ThreadIdOf(name) is var thread and >= 0)
            {
                threads.Add(thread);
            }
            else if (program.Processes.FirstOrDefault(p => p.Name == name) is { } process)
            {
                processes.Add(process.Id);
            }
            else
            {
                throw new InputException($"--crash {name}: no thread or process of {program.File} has that name (threads: {string.Join(", ", program.Threads.Select(t => t.Name))})");
            }
        }

        return options with { CrashThreads = threads, CrashProcesses = processes };
    }

    /// <summary>The choices added to every state, after "every waiter a signal can wake".</summary>
    public static string Injected(CheckVerb.Options opt, CompiledProgram program) =>
        (opt.Spurious ? ", every spurious wake-up" : "") + (opt.Crash.Count > 0 ? $", a crash of {string.Join(", ", opt.Crash)} at any step" : "")
        + (opt.Crash.Any(name => program.Threads.Any(t => t.Name == name && t.Code is [{ Op: OpCode.ReplicaFetch }])) ? " (a replica's broker once a run: its own later step restarts it)" : "");
}
