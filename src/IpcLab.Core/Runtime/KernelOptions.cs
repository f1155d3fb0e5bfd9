namespace IpcLab.Core.Runtime;

/// <summary>How a kernel runs: its step budget and what it records.</summary>
public sealed record KernelOptions
{
    /// <summary>Steps a run may take before it ends with a "step budget" finding, so no script can hang a caller.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Record every event (needed for texts, traces and views; off for fast search).</summary>
    public bool RecordEvents { get; init; } = true;

    /// <summary>Record the schedule (needed to save and replay a run).</summary>
    public bool RecordSchedule { get; init; } = true;

    /// <summary>Check the kernel's invariants after every step (on in tests and the command; off only in benchmarks).</summary>
    public bool CheckInvariants { get; init; } = true;
}
