using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A program of a lesson: an <c>ipl</c> block written in the lesson, or a .ipl file it includes.
/// Line numbers (in pauses and goals) are the program's own: line 1 is the block's first line, or the file's.
/// </summary>
/// <param name="Name">How checkpoints and challenges name it (<c>name=broken</c>).</param>
/// <param name="Path">The included file (as written, relative to the lesson's folder), or null for an inline program.</param>
/// <param name="Compiled">The compiled program; its <see cref="CompiledProgram.File"/> is the file errors name.</param>
/// <param name="Pos">Where the block starts in the lesson.</param>
public sealed record LessonProgram(string Name, string? Path, CompiledProgram Compiled, ScheduleSpec Schedule, SourcePos Pos);
