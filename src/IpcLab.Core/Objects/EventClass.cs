namespace IpcLab.Core.Objects;

/// <summary>
/// What an event means for the learner, in one word. The colour of its sentence, the jump keys
/// (next block, next wake-up, next delivery) and the change highlights are derived from it, so a
/// new event gets all three by saying what it is.
/// </summary>
public enum EventClass
{
    /// <summary>Nothing to point at: a step of a thread's own program (a loop, a local, a print).</summary>
    Other,

    /// <summary>A thread stops and joins a wait queue (a lock held, an empty buffer, a full inbox).</summary>
    Block,

    /// <summary>A thread leaves a wait queue or is handed what it waited for (a signal, a hand-off, a spurious wake-up).</summary>
    Wake,

    /// <summary>A value changes hands: put or taken, sent and received, a copy delivered.</summary>
    Deliver,

    /// <summary>Something is lost on purpose or by design: a signal nobody waited for, a copy dropped, a message not delivered.</summary>
    Drop,

    /// <summary>A thread or process ends badly: a fault, a crash, a failed assertion.</summary>
    Fault,

    /// <summary>The run itself reports: a deadlock, a failed final check, the budget used up.</summary>
    Finding,
}
