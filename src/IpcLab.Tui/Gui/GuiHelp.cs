namespace IpcLab.Tui.Gui;

/// <summary>The keys only the Terminal.Gui run screen has, listed on its help page after the keys both screens share.</summary>
internal static class GuiHelp
{
    public static IReadOnlyList<(string Keys, string Meaning)> Keys { get; } =
    [
        ("o", "output, locals and final checks in place of the events (o or Esc: back)"),
        ("f", "find the bug: the checker's shortest failing run"),
        ("x", "broker page: diagram, routing, a message's path (] [, Enter); x or Esc leaves"),
        ("] [", "choose a message in the objects panel; x (or a click on it) opens its path"),
        ("F10 / mouse", "the menu bar (open a file, themes, …)"),
        ("Tab (here)", "what the symbols and colours mean"),
        ("PgUp/PgDn (here)", "scroll this page (also ↑/↓, Home, End, the wheel)"),
    ];

    /// <summary>The keys of an open lesson, on the run screen beside its story and in its dialogs.</summary>
    public static IReadOnlyList<(string Keys, string Meaning)> LessonKeys { get; } =
    [
        ("l", "show or hide the lesson's story beside the run"),
        ("PgUp / PgDn", "scroll the story (the wheel too)"),
        ("p", "the lesson's next program"),
        ("t", "the lesson's challenges (Tab: the next one)"),
        ("h", "open the next hint of the challenge"),
        ("Enter", "checkpoint: answer it · challenge: judge it · verdict: close"),
        ("Esc (judging)", "cancel the judging of a fix"),
        ("Esc (checkpoint)", "skip the question (asked again next time)"),
        ("? (challenge)", "open the next hint"),
        ("m", "back to the path of lessons (asks if steps would be lost)"),
    ];
}
