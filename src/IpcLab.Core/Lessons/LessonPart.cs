namespace IpcLab.Core.Lessons;

/// <summary>
/// One piece of a lesson in the order of its file: Markdown text, a program, a checkpoint or a
/// challenge. Exactly one of the properties is set.
/// </summary>
public sealed record LessonPart
{
    public string? Text { get; init; }

    public LessonProgram? Program { get; init; }

    public Checkpoint? Checkpoint { get; init; }

    public Challenge? Challenge { get; init; }
}
