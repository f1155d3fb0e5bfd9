namespace IpcLab.Core.Lessons;

/// <summary>The state a <see cref="ChallengeKind.Reach"/> challenge asks for.</summary>
public enum GoalKind
{
    /// <summary><c>goal: reach N threads in lines A-B</c>: N threads at once about to run a line between A and B (inside a critical section).</summary>
    Together,

    /// <summary><c>goal: reach event KIND</c>: an event of that kind (its trace name) happens.</summary>
    Event,

    /// <summary><c>goal: reach finding KIND</c>: the run finds a deadlock, fault, assert or check failure (a failed final check).</summary>
    Finding,
}
