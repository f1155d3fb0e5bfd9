using System.Globalization;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab;

/// <summary>Prints a run as numbered steps (`step  thread  what happened`) and a summary.</summary>
internal static class StepPrinter
{
    /// <summary>What `run` and `check` say about a program without any thread (a normal run of 0 steps).</summary>
    public const string NoThread = "the program declares no thread, so no step can run; its final checks are still evaluated";

    public static void PrintSteps(TextWriter o, Kernel kernel, int fromEvent = 0)
    {
        var width = kernel.Program.Threads.Select(t => t.Name.Length).Append(6).Max();
        o.WriteLine($"{"step",5}  {"thread".PadRight(width)}  what happened");
        var lastStep = -1;
        for (var i = fromEvent; i < kernel.Events.Count; i++)
        {
            var e = kernel.Events[i];
            var text = TerminalText.Visible(EventText.Describe(e, kernel.Program, kernel.Strings));
            var who = e.Thread >= 0 ? kernel.ThreadName(e.Thread) : "";
            if (who.Length > 0 && text.StartsWith(who + " ", StringComparison.Ordinal))
            {
                text = text[(who.Length + 1)..];
            }

            var step = e.Step != lastStep && e.Thread >= 0 ? e.Step.ToString(CultureInfo.InvariantCulture) : "";
            if (e.Thread < 0)
            {
                who = "-";
            }

            lastStep = e.Thread >= 0 ? e.Step : lastStep;
            o.WriteLine($"{step,5}  {who.PadRight(width)}  {text}");
        }
    }

    public static void PrintSummary(TextWriter o, Kernel kernel, RunResult result, string scheduler)
    {
        o.WriteLine();
        o.WriteLine($"scheduler: {scheduler}; {result.Steps} steps");
        var states = kernel.Program.Threads.Select(t => $"{t.Name} {StatusWord(kernel, t.Id)}");
        o.WriteLine(kernel.Program.Threads.Count == 0 ? $"threads: none ({NoThread})" : $"threads: {string.Join(", ", states)}");
        switch (result.Outcome)
        {
            case RunOutcome.Completed:
                var checks = kernel.Program.Expectations.Count;
                var ended = kernel.Program.Threads.Count == 0 ? "there is no thread to run"
                    : kernel.Program.Threads.All(t => kernel.StatusOf(t.Id) == ThreadStatus.Finished || kernel.IsIdleDaemon(t.Id)) ? "every thread finished"
                    : "no finding (not every thread finished: see the threads above)";
                o.WriteLine(checks == 0
                    ? $"result: ok: {ended}"
                    : $"result: ok: {ended} and {checks} final check{(checks == 1 ? "" : "s")} held");
                break;
            case RunOutcome.Stopped:
                o.WriteLine($"result: stopped at step {result.Steps}: the schedule ran out while threads could still run");
                break;
            default:
                o.WriteLine($"result: {result.Findings.Count} finding{(result.Findings.Count == 1 ? "" : "s")}");
                foreach (var f in result.Findings)
                {
                    o.WriteLine($"  - step {f.Step}: {TerminalText.Visible(f.Text)}");
                }

                break;
        }
    }

    private static string StatusWord(Kernel kernel, int t) => kernel.StatusOf(t) switch
    {
        ThreadStatus.Finished => "finished",
        ThreadStatus.Faulted => kernel.FaultOf(t)?.StartsWith("crashed", StringComparison.Ordinal) == true ? "crashed" : "faulted",
        ThreadStatus.NotStarted => "never started",
        ThreadStatus.Blocked => kernel.IsIdleDaemon(t) ? "idle" : "blocked",
        ThreadStatus.Waiting => "waiting",
        _ => "ready",
    };
}
