namespace IpcLab.Tui.Views;

/// <summary>A button of a dialog: its label and the keys a click on it presses ('\r' is Enter, '\x1b' Esc).</summary>
public sealed record DialogChoice(string Label, string Keys);
