using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// The colours and glyphs of every view, in one place so that a state always looks the same:
/// ready green, blocked red, waiting yellow, finished grey, faulted magenta.
/// </summary>
internal static class Palette
{
    public const string Ready = "green";
    public const string Blocked = "red";
    public const string Waiting = "yellow";
    public const string Finished = "grey";
    public const string Faulted = "magenta";

    public const string Title = "bold";
    public const string Dim = "grey";
    public const string Hint = "grey";
    public const string Selected = "invert";
    public const string Marker = "bold yellow";
    public const string Changed = "bold yellow";
    public const string JustPut = "bold green";
    public const string JustTaken = "black on yellow";
    public const string Finding = "bold red";
    public const string Prompt = "bold cyan";
    public const string Status = "white";

    public const string PanelBorder = "grey";
    public const string FindingsBorder = "red";

    /// <summary>The next-line marker in a thread's listing.</summary>
    public const string NextLine = "▶";

    /// <summary>A run of assignments and prints folded into one row of a listing.</summary>
    public const string FoldMark = "⋯";

    /// <summary>In front of an object line that the last step changed.</summary>
    public const string ChangedMark = "•";

    /// <summary>In front of the highlighted thread or program.</summary>
    public const string SelectedMark = "›";

    /// <summary>The text cursor at the end of an open prompt.</summary>
    public const string Cursor = "▏";

    public static string Of(ThreadStatus status) => status switch
    {
        ThreadStatus.Ready => Ready,
        ThreadStatus.Blocked => Blocked,
        ThreadStatus.Waiting => Waiting,
        ThreadStatus.Finished or ThreadStatus.NotStarted => Finished,
        _ => Faulted,
    };

    /// <summary>The colour of an event sentence in the log, from what the event means (its class).</summary>
    public static string Of(EventKind kind) => ObjectModules.ClassOf(kind) switch
    {
        EventClass.Block => Blocked,
        EventClass.Wake => "cyan",
        EventClass.Deliver => "green",
        EventClass.Drop => Waiting,
        EventClass.Fault => Faulted,
        EventClass.Finding => Finding,
        _ => "default",
    };
}
