namespace IpcLab.Tui;

/// <summary>Which screen the TUI shows.</summary>
public enum Screen
{
    /// <summary>The list of programs in lessons/; Enter opens one.</summary>
    Start,

    /// <summary>An open program: threads, objects, events, findings.</summary>
    Run,

    /// <summary>Every key, over the current screen (Esc or ? closes it).</summary>
    Help,
}
