namespace IpcLab.Core.Runtime;

/// <summary>What kind of problem a run found in the learner's program.</summary>
public enum FindingKind
{
    /// <summary>A thread misused an object or hit a runtime error (take from empty, unlock not held, division by zero).</summary>
    Fault,

    /// <summary>An <c>assert</c> failed.</summary>
    AssertionFailed,

    /// <summary>Threads wait for each other's mutexes in a cycle (reported when it forms).</summary>
    DeadlockCycle,

    /// <summary>No thread can run and some are blocked or waiting.</summary>
    Deadlock,

    /// <summary>A final <c>expect</c> check failed after all threads ended.</summary>
    ExpectFailed,

    /// <summary>The run used its whole step budget without ending.</summary>
    StepBudget,

    /// <summary>A process could never start: only processes that never started themselves spawn it.</summary>
    NeverStarted,
}

/// <summary>A problem found at a step, with its explanation in words.</summary>
public sealed record Finding(FindingKind Kind, int Step, int Thread, string Text)
{
    public string KindText => Kind switch
    {
        FindingKind.Fault => "fault",
        FindingKind.AssertionFailed => "assertion failed",
        FindingKind.DeadlockCycle => "deadlock (cycle)",
        FindingKind.Deadlock => "deadlock",
        FindingKind.ExpectFailed => "final check failed",
        FindingKind.StepBudget => "step budget exhausted",
        FindingKind.NeverStarted => "process never started",
        _ => Kind.ToString(),
    };
}
