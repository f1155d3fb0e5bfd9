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

    /// <summary>
    /// <c>goal: guarantee exactly-once</c> (or <c>at-least-once</c>, <c>at-most-once</c>): change the
    /// program, keeping its threads and its final checks, until <c>check --guarantee</c> judges it to
    /// give that delivery guarantee over the challenge's number of runs with crashes; a changed
    /// program proves it. Exactly-once meets every goal; at-least-once asks for no loss, at-most-once
    /// for no duplicate.
    /// </summary>
    Guarantee,
}
