using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui;

/// <summary>
/// Everything the views need besides the kernel: which screen, the open session, the selection,
/// the status line, the run/pause timer, an open prompt. Views read it and never change it; the
/// key loop changes it, and changes the kernel only through <see cref="Session"/>.
/// </summary>
public sealed class TuiState
{
    public Screen Screen { get; set; } = Screen.Start;

    /// <summary>The screen to return to when help closes.</summary>
    public Screen ScreenBeforeHelp { get; set; } = Screen.Start;

    public IReadOnlyList<LessonEntry> Lessons { get; set; } = [];

    /// <summary>The highlighted program on the start screen.</summary>
    public int LessonIndex { get; set; }

    /// <summary>The open program's session, or null on the start screen.</summary>
    public Session? Session { get; set; }

    /// <summary>The open program's file, as shown in the header.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The highlighted thread (arrows move it, Enter runs it).</summary>
    public int SelectedThread { get; set; }

    /// <summary>The status line: the result of the last key ("producer-2 cannot run: ...").</summary>
    public string Status { get; set; } = "";

    /// <summary>True while auto-run is on (r toggles it).</summary>
    public bool Running { get; set; }

    /// <summary>Milliseconds between auto-run steps (+ and - change it).</summary>
    public int SpeedMs { get; set; } = 300;

    public PromptKind Prompt { get; set; } = PromptKind.None;

    /// <summary>What has been typed into the open prompt.</summary>
    public string PromptInput { get; set; } = "";

    /// <summary>The thread about to signal, and the waiters it can wake, while a wake choice is asked for.</summary>
    public int WakeChoiceThread { get; set; } = -1;

    public IReadOnlyList<int> WakeChoices { get; set; } = [];

    /// <summary>How many of the newest events the events panel leaves out (the mouse wheel scrolls back; any key returns to the newest).</summary>
    public int EventsScrolledBack { get; set; }

    /// <summary>The first thread the threads panel lists (the mouse wheel scrolls; any key returns to the first).</summary>
    public int ThreadsScrolled { get; set; }

    /// <summary>How many lines of the objects panel are scrolled past at its top (the mouse wheel scrolls; any key returns to the top).</summary>
    public int ObjectsScrolled { get; set; }

    /// <summary>The broker message chosen in the objects panel (] and [ choose, x opens its path): its label on the broker page, 0 for none.</summary>
    public int ChosenMessage { get; set; }

    /// <summary>The timeline as last saved (or as opened from a saved run); empty when the run was never saved.</summary>
    public IReadOnlyList<ScheduleEntry> SavedTimeline { get; set; } = [];

    /// <summary>The path of lessons with progress, the open lesson, its narrative pane and its dialog.</summary>
    public Lessons.LessonScreenState LessonScreen { get; } = new();

    /// <summary>
    /// How many steps of the open run would be lost by leaving it: 0 when it has none or they are saved as they are.
    /// A lesson's run is its fixed schedule, the same as opened, but the steps the student has taken along it are
    /// not kept anywhere (only right answers are): they count as unsaved as soon as there is one.
    /// </summary>
    public int UnsavedSteps =>
        Session is { } s && s.Timeline.Count > 0 && (!s.Timeline.SequenceEqual(SavedTimeline) || (LessonScreen.Open is not null && s.Position > 0))
            ? s.Timeline.Count : 0;
}
