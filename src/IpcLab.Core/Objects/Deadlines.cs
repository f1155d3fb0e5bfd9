namespace IpcLab.Core.Objects;

/// <summary>How a timed wait reads in the sentences and the wait descriptions.</summary>
internal static class Deadlines
{
    /// <summary>" (gives up at step 9)" for a thread in a timed wait, "" otherwise.</summary>
    public static string Until(IKernelServices k, int thread) =>
        k.DeadlineOf(thread) is var deadline and > 0 ? $" (gives up at step {deadline})" : "";

    /// <summary>", waits at most 3 steps" for a timed wait, ", waits for a message" for a plain one (<paramref name="timeout"/> -1).</summary>
    public static string WaitsAtMost(long timeout) =>
        timeout >= 0 ? $", waits at most {timeout} step{(timeout == 1 ? "" : "s")}" : ", waits for a message";
}
