namespace IpcLab.Core.Lessons;

/// <summary>What a challenge asks of the student (the <c>goal:</c> field of a challenge block).</summary>
public enum ChallengeKind
{
    /// <summary>
    /// <c>goal: reach ...</c>: be the scheduler and reach a state; a schedule (thread names in
    /// order) proves it, and the kernel replays it step by step.
    /// </summary>
    Reach,

    /// <summary>
    /// <c>goal: fix</c>: change the program, keeping its threads and its final checks, until
    /// <c>check</c> finds nothing in the challenge's number of seeded schedules; a fixed program proves it.
    /// </summary>
    Fix,
}
