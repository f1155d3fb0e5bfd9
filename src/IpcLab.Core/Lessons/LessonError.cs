using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A malformed lesson: its message reads <c>file:line:col: message</c>, as a script's errors do,
/// pointing into the lesson's Markdown file (or into the .ipl file it includes).
/// </summary>
public sealed class LessonError : Exception
{
    public LessonError(string file, SourcePos pos, string detail)
        : base($"{file}:{pos.Line}:{pos.Column}: {detail}")
    {
        File = file;
        Pos = pos;
        Detail = detail;
    }

    public string File { get; }

    public SourcePos Pos { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Detail { get; }
}
