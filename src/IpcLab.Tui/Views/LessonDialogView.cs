using IpcLab.Core.Lessons;
using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.Views;

/// <summary>The lesson's dialog over the run screen as lines of markup: a checkpoint's question and the kernel's answer, or a challenge and its verdict.</summary>
internal static class LessonDialogView
{
    /// <summary>The dialog's title.</summary>
    public static string Title(LessonDialog dialog) => dialog.Kind switch
    {
        LessonDialogKind.Question or LessonDialogKind.Answered => $"Checkpoint {dialog.Checkpoint!.Number}",
        _ => $"Challenge {dialog.Challenge!.Number}",
    };

    public static List<string> Lines(TuiState state, LessonDialog dialog, int width)
    {
        var lines = new List<string>();
        switch (dialog.Kind)
        {
            case LessonDialogKind.Question:
                var at = dialog.Checkpoint!.At;
                lines.Add(TextFit.Markup(at.Kind == PauseKind.Step ? $"The run paused at step {dialog.Step}." : $"The run paused at {at}, after step {dialog.Step}.", width, Palette.Dim));
                lines.AddRange(MarkdownLines.Wrap(dialog.Checkpoint.Ask, width));
                lines.Add("");
                lines.Add(Input("your answer: ", dialog.Input, width));
                lines.Add(TextFit.Markup("Enter answers · Esc skips · names with commas; nobody, none, empty", width, Palette.Dim));
                break;
            case LessonDialogKind.Answered:
                var answer = dialog.Answer!;
                lines.AddRange(MarkdownLines.Wrap(dialog.Checkpoint!.Ask, width).Select(l => TextFit.Styled(MarkupRuns.Plain(l), Palette.Dim)));
                lines.Add(TextFit.Markup($"you answered: {dialog.Input}", width));
                lines.Add(new MarkupLine(width).Add(dialog.Right ? "right: " : "not quite: the answer is ", dialog.Right ? "bold green" : "bold red").Add(answer.Text).ToString());
                lines.AddRange(TextFit.Wrap($"why: {answer.Reason}", width, 5));
                if (dialog.Checkpoint.Explain is { } explain)
                {
                    lines.AddRange(MarkdownLines.Wrap(explain, width));
                }

                lines.Add("");
                lines.AddRange(TextFit.Wrap(dialog.Next, width).Select(l => TextFit.Styled(l, Palette.Prompt)));
                lines.Add(TextFit.Markup("Enter goes on", width, Palette.Dim));
                break;
            case LessonDialogKind.Challenge:
                lines.AddRange(LessonPaneView.Challenge(state, state.LessonScreen.Open!.Lesson, dialog.Challenge!, width, inDialog: true));
                lines.Add("");
                lines.AddRange(Attempt(state, dialog, width));
                lines.Add(TextFit.Markup("Enter judges · Tab the next challenge · ? a hint · Esc closes", width, Palette.Dim));
                break;
            default:
                var verdict = dialog.Verdict!;
                lines.AddRange(MarkdownLines.Wrap(dialog.Challenge!.Task, width).Select(l => TextFit.Styled(MarkupRuns.Plain(l), Palette.Dim)));
                var head = verdict.Met ? "SOLVED: " : "not yet: ";
                var words = TextFit.Wrap(head + verdict.Reason, width, 2);
                lines.Add(new MarkupLine(width).Add(head, verdict.Met ? "bold green" : "bold red").Add(words[0][head.Length..]).ToString());
                lines.AddRange(words.Skip(1).Select(l => TextFit.Styled(l, null)));
                lines.Add("");
                lines.AddRange(TextFit.Wrap(dialog.Next, width).Select(l => TextFit.Styled(l, Palette.Prompt)));
                lines.Add(TextFit.Markup("Enter closes", width, Palette.Dim));
                break;
        }

        return lines;
    }

    /// <summary>How the challenge is attempted from here: the run on screen for a reach goal, a file for a fix.</summary>
    private static List<string> Attempt(TuiState state, LessonDialog dialog, int width)
    {
        var c = dialog.Challenge!;
        if (c.Kind == ChallengeKind.Reach)
        {
            var session = state.Session!;
            var onScreen = state.LessonScreen.Open!.Section.Program.Name;
            var text = c.Program != onScreen
                ? $"This goal is about program {c.Program}: press Esc, then p until the run screen shows it."
                : $"Be the scheduler on the run screen (1-9 runs a thread, b steps back), then t and Enter: the kernel judges your run, its {session.Position} steps so far.";
            return MarkdownLines.Wrap(text, width);
        }

        var original = state.LessonScreen.Open!.Lesson.ProgramNamed(c.Program).Compiled.File;
        var lines = MarkdownLines.Wrap($"Copy `{original}` to a file of your own, fix it in your editor (keep its threads and final checks), then give its name here and press Enter: {c.JudgedBy}.", width);
        lines.Add(Input("your program: ", dialog.Input, width));
        return lines;
    }

    private static string Input(string label, string text, int width)
    {
        var line = new MarkupLine(width).Add(label, Palette.Prompt);
        var room = Math.Max(1, line.Room - 1);
        var shown = TextFit.Width(text) > room ? "…" + text[^(room - 1)..] : text;
        return line.Add(shown).Add(Palette.Cursor, Palette.Prompt).ToString();
    }
}
