namespace IpcLab.Tui.Views;

/// <summary>Every key and what it does, for the help page.</summary>
internal static class HelpView
{
    /// <summary>Every key the key loop handles, in the order a learner meets them.</summary>
    public static IReadOnlyList<(string Keys, string Meaning)> Keys { get; } =
    [
        ("space / →", "take one step (the scheduler picks the thread)"),
        ("b / ←", "step back one step (the future stays, to redo)"),
        ("1-9", "run that thread for one step"),
        ("↑ / ↓", "select a thread"),
        ("Enter", "run the selected thread for one step"),
        ("r", "run / pause: step automatically"),
        ("+ / -", "run faster / slower"),
        ("g", "go to step N"),
        ("n / w / d", "run to the next block / wake-up / delivery"),
        ("0 / Home", "back to step 0, keeping the steps to redo (again: drop)"),
        ("u", "back to the steps a new choice set aside"),
        ("s", "switch scheduler: manual → round-robin → random"),
        ("e", "set the random scheduler's seed"),
        ("i", "inject a spurious wake-up into a waiting thread"),
        ("c", "crash a thread (it keeps what it holds)"),
        ("k", "crash a whole process (threads stop, descriptors close)"),
        ("S", "save the run (program + schedule)"),
        ("?", "this help (Esc or ? closes it)"),
        ("m / Esc", "back to the list of programs (asks if not saved)"),
        ("q", "quit (asks if the run is not saved)"),
        ("Ctrl-C", "quit at once (Ctrl-Z suspends; fg comes back)"),
    ];
}
