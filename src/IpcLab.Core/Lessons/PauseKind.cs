namespace IpcLab.Core.Lessons;

/// <summary>Where a lesson's run stops for a checkpoint (the <c>at:</c> field of a checkpoint block).</summary>
public enum PauseKind
{
    /// <summary><c>at: step N</c>: once the run has taken N steps.</summary>
    Step,

    /// <summary>
    /// <c>at: first KIND [by THREAD] [on OBJECT]</c>: right after the step that emits the first
    /// event of that kind (its trace name: <c>waiting</c>, <c>fault</c>, <c>put</c>...) since the
    /// previous checkpoint of the same run.
    /// </summary>
    FirstEvent,

    /// <summary><c>at: line N of THREAD</c>: when THREAD is about to run line N of its program (before the step).</summary>
    Line,

    /// <summary><c>at: end</c>: when the run is over (every thread ended, or a deadlock), final checks evaluated.</summary>
    End,
}
