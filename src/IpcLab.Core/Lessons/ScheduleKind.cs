namespace IpcLab.Core.Lessons;

/// <summary>How a lesson's program runs (the <c>schedule=</c> attribute of its <c>ipl</c> block).</summary>
public enum ScheduleKind
{
    /// <summary><c>schedule=round-robin</c> (the default): each ready thread in turn.</summary>
    RoundRobin,

    /// <summary><c>schedule=seed:N</c>: the seeded random scheduler, as <c>ipclab run --seed N</c>.</summary>
    Seed,

    /// <summary><c>schedule=T1,T2,...</c>: these threads in this order, then round-robin.</summary>
    Threads,
}
