namespace IpcLab.Core.Lessons;

/// <summary>Where a student stands on a lesson of the path.</summary>
public enum LessonState
{
    /// <summary>✓: every challenge solved (or, in a lesson without one, every checkpoint answered right).</summary>
    Done,

    /// <summary>The next lesson to take: the first on the path that is not done and whose prerequisites are.</summary>
    Current,

    /// <summary>Not done, its prerequisites done, but a lesson before it on the path comes first.</summary>
    Open,

    /// <summary>A prerequisite is not done yet.</summary>
    Locked,
}
