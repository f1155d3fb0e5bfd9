using IpcLab.Core.Checking;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Diagnostics;

namespace IpcLab;

/// <summary>
/// <c>ipclab check FILE --guarantee</c>: the runs of <c>check</c>, each with a process crashed
/// around a send, handle, commit or ack; per message: lost, handled once, handled more than once;
/// the guarantee shown; the shortest run that lost or duplicated, shrunk. Exit 0 when nothing
/// was lost or duplicated, 1 otherwise.
/// </summary>
internal static class GuaranteeVerb
{
    public static int Execute(CheckVerb.Options opt, CompiledProgram program, CliContext context)
    {
        var o = context.Out;
        if (!program.Threads.Any(t => t.Code.Any(c => CrashPoints.Handles(c.Op))))
        {
            throw new InputException($"{opt.File}: --guarantee needs a `handle MESSAGE` statement (or `handleonce TABLE, MESSAGE`): it marks the effect that must happen once per message (see lessons/README.md)");
        }

        var report = GuaranteeChecker.Check(program, new CheckOptions
        {
            Runs = opt.Runs,
            Seed = opt.Seed,
            MaxSteps = opt.MaxSteps,
            RandomWaiters = opt.RandomWaiters,
        });
        var last = opt.Seed + (ulong)opt.Runs - 1;
        o.WriteLine($"checked {opt.File} for its delivery guarantee: seeds {opt.Seed}..{last}, each run once without a crash and once with one fault at a crash point: {CrashPointWords.Of(report.PointKinds)} ({report.CrashPoints} crash points in all)");
        if (report.Runs == 0)
        {
            o.WriteLine("no run passed a crash point: nothing to judge");
            return 0;
        }

        o.WriteLine();
        o.WriteLine($"{"message",-16} {"lost",6} {"once",6} {"twice+",7}");
        foreach (var m in report.Messages)
        {
            o.WriteLine($"{TerminalText.Visible(m.Message),-16} {m.Lost,6} {m.Once,6} {m.MoreThanOnce,7}");
        }

        o.WriteLine();
        o.WriteLine(report.Verdict);
        o.WriteLine($"runs that lost a message: {report.RunsLosing}; runs that handled one twice: {report.RunsDuplicating}");
        if (report.Shrunk is null)
        {
            return 0;
        }

        var (shortest, shrunk) = (report.Shortest!, report.Shrunk);
        o.WriteLine();
        o.WriteLine($"shortest bad run: seed {shortest.Seed}, {shortest.Crash?.Text}, {shortest.Schedule.Count} steps; shrunk to {shrunk.Schedule.Count} steps:");
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = Math.Max(opt.MaxSteps, shrunk.Schedule.Count) });
        var result = Runner.Replay(kernel, shrunk.Schedule);
        StepPrinter.PrintSteps(o, kernel);
        StepPrinter.PrintSummary(o, kernel, result, $"shrunk from seed {shortest.Seed}");
        o.WriteLine($"lost: {List(shrunk.Lost)}; handled more than once: {List(shrunk.Duplicated)}");
        if (opt.Save is not null)
        {
            AtomicFile.Write(opt.Save, SavedRun.From(kernel, $"shrunk from seed {shortest.Seed}, crashes injected").ToJson(), CheckVerb.ScriptInput(opt));
            o.WriteLine($"saved: {opt.Save} (replay with: ipclab run {opt.File} --replay {opt.Save})");
        }

        return 1;
    }

    private static string List(IReadOnlyList<string> messages) =>
        messages.Count == 0 ? "none" : TerminalText.Visible(string.Join(", ", messages));
}
