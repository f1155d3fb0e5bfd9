using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A malformed lesson, at a position in its Markdown file (or in the .ipl file it includes), read
/// as a script's errors are.
/// </summary>
public sealed class LessonError(string file, SourcePos pos, string detail) : PositionedError(file, pos, detail);
