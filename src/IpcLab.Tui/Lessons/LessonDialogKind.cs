namespace IpcLab.Tui.Lessons;

/// <summary>What the lesson's dialog over the run screen shows.</summary>
public enum LessonDialogKind
{
    /// <summary>A checkpoint's question: the student types an answer, Enter answers, Esc skips it.</summary>
    Question,

    /// <summary>The kernel's answer to the question just answered: right or not, and why; Enter goes on.</summary>
    Answered,

    /// <summary>A challenge with its goal and how to attempt it; Enter judges the attempt, Tab shows the next challenge.</summary>
    Challenge,

    /// <summary>The kernel's verdict on the attempt and what to try next.</summary>
    Verdict,
}
