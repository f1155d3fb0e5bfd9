namespace IpcLab.Core.Runtime;

/// <summary>
/// What a thread is doing between steps. (Named so as not to clash with
/// System.Diagnostics.ThreadState.) "Running" is not a state of its own: in a step model it is
/// just the thread that took the last step.
/// </summary>
public enum ThreadStatus
{
    /// <summary>Can take its next step when the scheduler picks it.</summary>
    Ready = 0,

    /// <summary>In the entry queue of a mutex, or the wait queue of a semaphore, until handed it.</summary>
    Blocked = 1,

    /// <summary>In the wait queue of a condition variable, until signalled (or spuriously woken).</summary>
    Waiting = 2,

    /// <summary>Ran off the end of its program.</summary>
    Finished = 3,

    /// <summary>Stopped by a fault (misuse, failed assertion, injected crash); keeps what it held.</summary>
    Faulted = 4,

    /// <summary>Belongs to a process that has not been spawned yet (another thread's <c>spawn</c> starts it).</summary>
    NotStarted = 5,
}
