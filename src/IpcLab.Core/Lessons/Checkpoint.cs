using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A pause in a program's run with a question for the student. The answer is never in the file:
/// the kernel computes it from its state at the pause (<see cref="Answers"/>).
/// </summary>
/// <param name="Number">1-based, in the order of the lesson.</param>
/// <param name="Program">The name of the program whose run pauses.</param>
/// <param name="Ask">The question as the student reads it.</param>
/// <param name="Explain">What the teacher adds once the student has answered, or null.</param>
/// <param name="Concepts">The concepts this checkpoint exercises (names from the front matter).</param>
/// <param name="Pos">Where the block starts.</param>
public sealed record Checkpoint(
    int Number,
    string Program,
    PausePoint At,
    string Ask,
    Question Question,
    string? Explain,
    IReadOnlyList<string> Concepts,
    SourcePos Pos);
