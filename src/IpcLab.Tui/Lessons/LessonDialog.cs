using IpcLab.Core.Lessons;

namespace IpcLab.Tui.Lessons;

/// <summary>The dialog of an open lesson: a checkpoint's question or a challenge, what the student typed, and the kernel's judgement once given.</summary>
public sealed class LessonDialog
{
    public required LessonDialogKind Kind { get; set; }

    /// <summary>The checkpoint asked (<see cref="LessonDialogKind.Question"/>, <see cref="LessonDialogKind.Answered"/>).</summary>
    public Checkpoint? Checkpoint { get; init; }

    /// <summary>The challenge shown (<see cref="LessonDialogKind.Challenge"/>, <see cref="LessonDialogKind.Verdict"/>).</summary>
    public Challenge? Challenge { get; set; }

    /// <summary>The step at which the run paused for the checkpoint.</summary>
    public int Step { get; init; }

    /// <summary>The answer typed so far, or the file name of a fix.</summary>
    public string Input { get; set; } = "";

    /// <summary>The kernel's answer to the checkpoint, once answered.</summary>
    public Answer? Answer { get; set; }

    /// <summary>True when the student's answer was right (or the attempt met the goal).</summary>
    public bool Right { get; set; }

    /// <summary>The kernel's verdict on a challenge attempt.</summary>
    public Verdict? Verdict { get; set; }

    /// <summary>What to do next, said after an answer or a verdict.</summary>
    public string Next { get; set; } = "";
}
