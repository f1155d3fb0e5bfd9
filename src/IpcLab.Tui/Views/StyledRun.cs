namespace IpcLab.Tui.Views;

/// <summary>A piece of a view line in one style: the text as shown and the style's words ("bold yellow", "black on yellow"; "" for plain).</summary>
public readonly record struct StyledRun(string Text, string Style);
