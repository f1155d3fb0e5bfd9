namespace IpcLab.Core.Scheduling;

/// <summary>How a run ended.</summary>
public enum RunOutcome
{
    /// <summary>Every thread finished and every final check held.</summary>
    Completed,

    /// <summary>The run found a problem: deadlock, fault, failed assertion or final check, step budget.</summary>
    Finding,

    /// <summary>The run stopped with threads still able to run (a replayed schedule ran out).</summary>
    Stopped,
}
