using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>A checkpoint's question: its kind and what it is about (an object, a thread, a message); the kernel computes the answer.</summary>
/// <param name="Subject">The object, thread or message the question is about; "" for <see cref="QuestionKind.Runnable"/>.</param>
/// <param name="Pos">Where the subject is written in the lesson, for errors.</param>
public sealed record Question(QuestionKind Kind, string Subject, SourcePos Pos)
{
    /// <summary>The question in the words of the lesson format (<c>holder m</c>).</summary>
    public override string ToString() => Kind switch
    {
        QuestionKind.Runnable => "runnable",
        QuestionKind.Receiver or QuestionKind.Copies or QuestionKind.Path => $"{Kind.ToString().ToLowerInvariant()} \"{Subject}\"",
        _ => $"{Kind.ToString().ToLowerInvariant()} {Subject}",
    };
}
