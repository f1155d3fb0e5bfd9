using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>A thread's state in words: "ready", "blocked on mutex m (held by consumer-2)", "waiting on notEmpty".</summary>
internal static class ThreadStateText
{
    public static string Of(Kernel kernel, int thread)
    {
        switch (kernel.StatusOf(thread))
        {
            case ThreadStatus.Ready:
                return Ready(kernel, thread);
            case ThreadStatus.Blocked:
            case ThreadStatus.Waiting:
                return Waiting(kernel, thread);
            case ThreadStatus.Finished:
                return "finished";
            case ThreadStatus.NotStarted:
                return $"not started: waits for spawn {kernel.Program.Processes[kernel.Program.Threads[thread].Process].Name}";
            default:
                var fault = kernel.FaultOf(thread) ?? "";
                return fault.StartsWith("crashed", StringComparison.Ordinal) ? fault : $"faulted: {fault}";
        }
    }

    private static string Ready(Kernel kernel, int thread)
    {
        // Two kinds of "ready" look alike in the listing but are not: a woken waiter still has to
        // get its mutex back, and a thread between the load and the store of `x = x + 1` has a
        // stale copy in its register. Say so.
        var next = kernel.NextInstruction(thread);
        return next?.Op switch
        {
            OpCode.Reacquire => $"ready: woken, must re-acquire {kernel.ObjectName(next.A)}",
            OpCode.Store or OpCode.ShmStore when next.A >= 0 && HasLoaded(kernel, thread, next) => $"ready: has read {kernel.ObjectName(next.A)}, writes it next",
            _ => "ready",
        };
    }

    // What it waits for is its object's module's to say (Kernel.WaitStateOf).
    private static string Waiting(Kernel kernel, int thread) =>
        kernel.WaitStateOf(thread) ?? (kernel.StatusOf(thread) == ThreadStatus.Blocked ? "blocked" : "waiting");

    /// <summary>True when the thread's previous step was the load half of the read-modify-write whose store is <paramref name="store"/> (a variable, or a word of a segment).</summary>
    private static bool HasLoaded(Kernel kernel, int thread, Instr store)
    {
        var load = store.Op == OpCode.Store ? OpCode.Load : OpCode.ShmLoad;
        var code = kernel.Program.Threads[thread].Code;
        var pc = kernel.PcOf(thread);
        return pc > 0 && code[pc - 1].Op == load && code[pc - 1].A == store.A && code[pc - 1].Next == pc;
    }
}
