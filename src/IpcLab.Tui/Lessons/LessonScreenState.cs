namespace IpcLab.Tui.Lessons;

/// <summary>
/// The lesson side of the UI state: the path with progress (when the command found lessons), the
/// lesson open on the run screen, the narrative pane (shown, scrolled) and the lesson's dialog.
/// </summary>
public sealed class LessonScreenState
{
    /// <summary>The path and the student's progress; null when the UI was opened without them (a file, the tests).</summary>
    public LessonCourse? Course { get; set; }

    /// <summary>The lesson on the run screen; null for a bare program.</summary>
    public OpenLesson? Open { get; set; }

    /// <summary>True while the narrative pane is shown (l toggles it; a lesson opens with it shown, a bare program without).</summary>
    public bool PaneShown { get; set; }

    /// <summary>The first line of the narrative in view.</summary>
    public int PaneScroll { get; set; }

    /// <summary>A checkpoint the pane brings into view at its next drawing (the one just asked), or 0.</summary>
    public int ScrollToCheckpoint { get; set; }

    /// <summary>The dialog over the run screen, or null.</summary>
    public LessonDialog? Dialog { get; set; }
}
