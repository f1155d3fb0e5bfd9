namespace IpcLab.Tui.Gui;

/// <summary>The keys only the Terminal.Gui run screen has, listed on its help page after the keys both screens share.</summary>
internal static class GuiHelp
{
    public static IReadOnlyList<(string Keys, string Meaning)> Keys { get; } =
    [
        ("o", "output, locals and final checks in place of the events"),
        ("f", "find the bug: the checker's shortest failing run"),
        ("F10 / mouse", "the menu bar (open a file, themes, …)"),
        ("Tab (here)", "what the symbols and colours mean"),
    ];
}
