using IpcLab.Core.Lessons;
using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.App;

/// <summary>
/// The keys of a lesson on the run screen, before the run keys: l shows or hides the narrative,
/// p goes to the lesson's next program, t shows its challenges, h opens a hint; while the
/// lesson's dialog is open, every key but Ctrl-C goes to it (typing an answer, Enter, Esc, Tab).
/// </summary>
public sealed class LessonKeys(TuiState state, string workingDirectory)
{
    private LessonScreenState Screen => state.LessonScreen;

    /// <summary>Handles a key of the lesson; false when it is not one (the run keys take it).</summary>
    public bool Handle(ConsoleKeyInfo key)
    {
        if (key.KeyChar == '\x03')
        {
            return false;
        }

        if (Screen.Dialog is { } dialog)
        {
            DialogKey(dialog, key);
            return true;
        }

        if (state.Screen != Tui.Screen.Run || state.Prompt != PromptKind.None)
        {
            return false;
        }

        switch (key.KeyChar)
        {
            case 'l':
                Screen.PaneShown = !Screen.PaneShown;
                state.Status = Screen.PaneShown ? "the story is shown beside the run (PgUp/PgDn scroll it, l hides it)" : "the story is hidden (l shows it again)";
                return true;
            case 'p' when Screen.Open is { } open:
                LessonOpener.OpenSection(state, (open.SectionIndex + 1) % open.Sections.Count);
                return true;
            case 't' when Screen.Open is not null:
                OpenChallenge();
                return true;
            case 'h' when Screen.Open is not null:
                state.Status = LessonChallenges.First(state) is { } c ? LessonChallenges.Hint(state, c) : "this lesson has no challenge, so no hints";
                return true;
            default:
                return false;
        }
    }

    /// <summary>Scrolls the narrative by <paramref name="rows"/> (negative: up), within its <paramref name="total"/> lines and the pane's <paramref name="height"/>.</summary>
    public void Scroll(int rows, int total, int height) =>
        Screen.PaneScroll = Math.Clamp(Screen.PaneScroll + rows, 0, Math.Max(0, total - height));

    private void OpenChallenge()
    {
        if (LessonChallenges.First(state) is not { } c)
        {
            state.Status = "this lesson has no challenge: its checkpoints are its questions";
            return;
        }

        state.Running = false;
        Screen.Dialog = new LessonDialog { Kind = LessonDialogKind.Challenge, Challenge = c, Input = FixInput(c) };
        state.Status = $"challenge {c.Number}: Enter judges, Tab shows the next challenge, ? opens a hint, Esc closes";
    }

    private string FixInput(Challenge c) =>
        c.ChangesProgram ? LessonChallenges.SuggestedFixFile(Screen.Open!.Lesson, c) : "";

    private void DialogKey(LessonDialog dialog, ConsoleKeyInfo key)
    {
        switch (dialog.Kind)
        {
            case LessonDialogKind.Question:
                QuestionKey(dialog, key);
                break;
            case LessonDialogKind.Challenge:
                ChallengeKey(dialog, key);
                break;
            default:
                if (key.KeyChar == '?' && dialog.Challenge is { } c)
                {
                    state.Status = LessonChallenges.Hint(state, c);
                }
                else if (key.Key is ConsoleKey.Enter or ConsoleKey.Escape or ConsoleKey.Spacebar)
                {
                    Screen.Dialog = null;
                    state.Status = dialog.Next;
                }

                break;
        }
    }

    private void QuestionKey(LessonDialog dialog, ConsoleKeyInfo key)
    {
        var c = dialog.Checkpoint!;
        if (key.Key == ConsoleKey.Escape)
        {
            Screen.Dialog = null;
            state.Status = $"checkpoint {c.Number} skipped: it is asked again the next time the lesson opens";
        }
        else if (key.Key == ConsoleKey.Enter)
        {
            if (dialog.Input.Trim().Length == 0)
            {
                state.Status = "type your answer first (names separated by commas; nobody, none or empty for nothing)";
                return;
            }

            Answer(dialog, c);
        }
        else
        {
            Edit(dialog, key);
        }
    }

    /// <summary>The kernel's answer at the pause, judged as <c>ipclab lesson --answer</c> judges it; a right answer is kept.</summary>
    private void Answer(LessonDialog dialog, Checkpoint c)
    {
        var open = Screen.Open!;
        var answer = Answers.Compute(c.Question, state.Session!.Kernel);
        dialog.Answer = answer;
        dialog.Right = answer.Accepts(dialog.Input);
        dialog.Kind = LessonDialogKind.Answered;
        string? problem = null;
        if (dialog.Right && Screen.Course is { } course)
        {
            course.Progress.AnsweredRight(open.Lesson.Id, c.Number);
            problem = course.Save();
        }

        dialog.Next = problem ?? (open.NextCheckpoint is { } next
            ? $"space goes on: the run pauses next at {next.At} (checkpoint {next.Number})"
            : open.Lesson.Challenges.Any()
                ? "the checkpoints of this program are done: t shows the challenges" + (open.Sections.Count > 1 ? ", p the next program" : "")
                : "the checkpoints of this program are done" + (open.Sections.Count > 1 ? ": p goes to the next program" : ""));
        state.Status = dialog.Right ? "right · Enter goes on" : "not quite · Enter goes on";
    }

    private void ChallengeKey(LessonDialog dialog, ConsoleKeyInfo key)
    {
        var c = dialog.Challenge!;
        if (key.Key == ConsoleKey.Escape)
        {
            Screen.Dialog = null;
            state.Status = "challenge closed (t opens it again)";
        }
        else if (key.Key == ConsoleKey.Tab)
        {
            dialog.Challenge = LessonChallenges.After(Screen.Open!.Lesson, c);
            dialog.Input = FixInput(dialog.Challenge);
        }
        else if (key.KeyChar == '?')
        {
            state.Status = LessonChallenges.Hint(state, c);
        }
        else if (key.Key == ConsoleKey.Enter)
        {
            LessonChallenges.Judge(state, dialog, workingDirectory);
            state.Status = dialog.Right ? "SOLVED · Enter closes" : "not yet · Enter closes";
        }
        else if (c.ChangesProgram)
        {
            Edit(dialog, key);
        }
    }

    private static void Edit(LessonDialog dialog, ConsoleKeyInfo key)
    {
        // No answer or file name starts with a blank: a space into an empty field is the space key
        // still held down to step on after the dialog opened.
        var heldSpace = key.KeyChar == ' ' && dialog.Input.Length == 0;
        if (key.Key == ConsoleKey.Backspace)
        {
            dialog.Input = dialog.Input.Length == 0 ? "" : dialog.Input[..^1];
        }
        else if (!char.IsControl(key.KeyChar) && key.KeyChar != '\0' && !heldSpace)
        {
            dialog.Input += key.KeyChar;
        }
    }
}
