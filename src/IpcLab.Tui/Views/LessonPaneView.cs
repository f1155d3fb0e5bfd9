using IpcLab.Core.Lessons;
using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.Views;

/// <summary>
/// The narrative beside the run, as lines of markup: for a lesson, the section of the program on
/// the run screen (its text, its program, its checkpoints with where they pause and whether they
/// are answered, its challenges with their goals and the hints opened); for a bare program, its
/// header comment. The pane shows a window of these lines (<see cref="LessonScreenState.PaneScroll"/>).
/// </summary>
internal static class LessonPaneView
{
    /// <summary>The pane's title in <paramref name="width"/> cells: the lesson and its keys, or the lesson alone when the keys do not fit.</summary>
    public static string Title(TuiState state, int width)
    {
        var name = state.LessonScreen.Open is { } open ? $"Lesson {LessonPathView.Number(open.Lesson)} · {open.Lesson.Title}" : "About this program";
        var full = $"{name} · PgUp/PgDn · l hides";
        return TextFit.Width(full) <= width ? full : TextFit.Fit(name, width);
    }

    public static List<string> Lines(TuiState state, int width)
    {
        if (state.LessonScreen.Open is not { } open)
        {
            return state.Session is { } session ? Header(session.Program.Source, width) : [];
        }

        var lines = new List<string>();
        var lesson = open.Lesson;
        var progress = state.LessonScreen.Course?.Progress;
        var programs = open.Sections.Count > 1 ? $" · program {open.SectionIndex + 1} of {open.Sections.Count} (p: the next)" : "";
        lines.AddRange(TextFit.Wrap($"{lesson.Duration} · {string.Join(", ", lesson.Concepts)}{programs}", width).Select(l => TextFit.Styled(l, Palette.Dim)));
        foreach (var part in open.Section.Parts)
        {
            lines.Add("");
            if (part.Text is { } text)
            {
                lines.AddRange(MarkdownLines.Render(text, width));
            }
            else if (part.Program is { } program)
            {
                var here = program.Name == open.Section.Program.Name ? " · on the run screen" : "";
                lines.AddRange(MarkdownLines.Wrap($"▸ program **{program.Name}** · `{program.Compiled.File}`{here} · the lesson's run: {program.Schedule}", width, 2));
            }
            else if (part.Checkpoint is { } c)
            {
                var mark = progress?.CheckpointsOf(lesson.Id).Contains(c.Number) == true ? "✓ answered right"
                    : open.Asked.Contains(c.Number) ? "asked"
                    : c.Program == open.Section.Program.Name && open.NextCheckpoint?.Number == c.Number ? "the run pauses here next"
                    : "";
                lines.Add(new MarkupLine(width).Add($"◆ checkpoint {c.Number}", Palette.Prompt).Add($" · at {c.At}{(mark.Length > 0 ? " · " + mark : "")}", Palette.Dim).ToString());
                lines.AddRange(MarkdownLines.Wrap(c.Ask, width - 2).Select(l => "  " + l));
            }
            else if (part.Challenge is { } challenge)
            {
                lines.AddRange(Challenge(state, lesson, challenge, width));
            }
        }

        return lines;
    }

    /// <summary>A challenge: its task, goal, whether it is solved, how to attempt it, and the hints opened so far (in the dialog, <paramref name="inDialog"/>: its own keys).</summary>
    public static List<string> Challenge(TuiState state, Lesson lesson, Challenge c, int width, bool inDialog = false)
    {
        var progress = state.LessonScreen.Course?.Progress;
        var solved = progress?.ChallengesOf(lesson.Id).Contains(c.Number) == true;
        var lines = new List<string>
        {
            new MarkupLine(width).Add($"★ challenge {c.Number}", Palette.Marker).Add(solved ? " · solved ✓" : inDialog ? "" : " · t tries it", Palette.Dim).ToString(),
        };
        lines.AddRange(MarkdownLines.Wrap(c.Task, width - 2).Select(l => "  " + l));
        lines.AddRange(TextFit.Wrap($"goal: {c.GoalText} (program {c.Program})", width - 2, 2).Select(l => "  " + TextFit.Styled(l, Palette.Dim)));
        var opened = Math.Min(progress?.HintsOpened(lesson.Id, c.Number) ?? 0, c.Hints.Count);
        for (var i = 0; i < opened; i++)
        {
            lines.AddRange(MarkdownLines.Wrap($"hint {i + 1}: {c.Hints[i]}", width - 2, 2).Select(l => "  " + l));
        }

        if (opened < c.Hints.Count)
        {
            lines.Add(TextFit.Markup($"  {(inDialog ? "?" : "h")} opens hint {opened + 1} of {c.Hints.Count}", width, Palette.Dim));
        }

        return lines;
    }

    /// <summary>A program's header comment (its first lines that start with '#'), as paragraphs.</summary>
    public static List<string> Header(string source, int width)
    {
        var comment = new List<string>();
        foreach (var line in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var t = line.Trim();
            if (!t.StartsWith('#'))
            {
                break;
            }

            comment.Add(t.TrimStart('#').Trim());
        }

        return comment.Count == 0
            ? [TextFit.Markup("This program has no header comment.", width, Palette.Dim)]
            : MarkdownLines.Render(string.Join('\n', comment), width);
    }

    /// <summary>The line of <paramref name="lines"/> (from <see cref="Lines"/>) where checkpoint <paramref name="number"/> starts, or -1.</summary>
    public static int LineOfCheckpoint(IReadOnlyList<string> lines, int number)
    {
        var head = $"◆ checkpoint {number} ";
        for (var i = 0; i < lines.Count; i++)
        {
            if (MarkupRuns.Plain(lines[i]).StartsWith(head, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
