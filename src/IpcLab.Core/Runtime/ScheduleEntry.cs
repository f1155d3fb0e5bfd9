namespace IpcLab.Core.Runtime;

/// <summary>The kinds of choice a schedule records.</summary>
public enum ScheduleEntryKind
{
    /// <summary>Thread took one step. If the step signalled a condition, Waker says whom it woke.</summary>
    Run,

    /// <summary>Inject a spurious wake-up of Thread, which waits on a condition variable.</summary>
    SpuriousWakeup,

    /// <summary>Inject a crash of Thread.</summary>
    Crash,

    /// <summary>Inject a crash of a whole process: Thread holds the process id, not a thread.</summary>
    ProcessCrash,

    /// <summary>Thread runs its produce and the acknowledgement is lost: its producer sends the record again in the same step.</summary>
    LostAck,
}

/// <summary>
/// One choice of a run. A run is fully determined by its program and its list of entries.
/// </summary>
/// <param name="Woken">For a Run step that signalled with a choice of waiters: the thread woken; else -1.</param>
public readonly record struct ScheduleEntry(ScheduleEntryKind Kind, int Thread, int Woken = -1)
{
    public static ScheduleEntry Run(int thread, int woken = -1) => new(ScheduleEntryKind.Run, thread, woken);
}
