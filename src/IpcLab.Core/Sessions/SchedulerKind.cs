namespace IpcLab.Core.Sessions;

/// <summary>Who chooses the next thread in an interactive session.</summary>
public enum SchedulerKind
{
    /// <summary>The learner picks every step; "step" alone runs the thread that ran last if it can.</summary>
    Manual,

    /// <summary>Each ready thread in turn.</summary>
    RoundRobin,

    /// <summary>A seeded random ready thread.</summary>
    Random,
}
