namespace IpcLab.Tui;

/// <summary>A program on the start screen: its file, its name and its first comment line.</summary>
public sealed record LessonEntry(string Path, string Name, string Description);
