using IpcLab.Core.Lessons;
using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.Views;

/// <summary>
/// The path of lessons on the start screen: each lesson as "✓ 01 lost-update" with its title,
/// duration and where the student stands, before the programs. Both screens show these words.
/// </summary>
internal static class LessonPathView
{
    /// <summary>What the marks mean, under the list.</summary>
    public const string Legend = "✓ done · ▶ the next one · · locked until its prerequisites are done";

    public static string Mark(LessonState state) => state switch
    {
        LessonState.Done => "✓",
        LessonState.Current => "▶",
        LessonState.Open => " ",
        _ => "·",
    };

    /// <summary>The lesson's number on the path, from its file name (<c>01</c>).</summary>
    public static string Number(Lesson lesson) => System.IO.Path.GetFileName(lesson.File)[..2];

    /// <summary>"✓ 01 lost-update" for a lesson, the name for a program.</summary>
    public static string Name(TuiState state, LessonEntry entry) =>
        entry.Lesson is { } lesson && state.LessonScreen.Course is { } course
            ? $"{Mark(course.StateOf(lesson))} {Number(lesson)} {lesson.Id}"
            : entry.Name;

    /// <summary>A lesson's title, duration and standing ("next", "locked: first lost-update"); a program's first comment line.</summary>
    public static string Description(TuiState state, LessonEntry entry)
    {
        if (entry.Lesson is not { } lesson || state.LessonScreen.Course is not { } course)
        {
            return entry.Description;
        }

        var standing = course.StateOf(lesson) switch
        {
            LessonState.Done => " · done",
            LessonState.Current => " · next",
            LessonState.Locked => $" · locked: first {string.Join(", ", course.MissingPrerequisites(lesson))}",
            _ => "",
        };
        return $"{lesson.Title} · {lesson.Duration}{standing}";
    }

    /// <summary>The style of a lesson's name: dim while it is locked.</summary>
    public static string NameStyle(TuiState state, LessonEntry entry) =>
        entry.Lesson is { } lesson && state.LessonScreen.Course?.StateOf(lesson) == LessonState.Locked ? Palette.Dim : Palette.Title;

    /// <summary>The title of the list: the lessons and programs when there is a path, else the programs.</summary>
    public static string Title(TuiState state) =>
        state.LessonScreen.Course is { Path.Count: > 0 } ? $"Lessons ({Legend}), then programs" : "Programs";

    /// <summary>
    /// The start page as lines (the Terminal.Gui screen): the path of lessons under its heading,
    /// then the programs, one row each; a window around the highlighted entry when they do not
    /// all fit in <paramref name="height"/> rows.
    /// </summary>
    public static IReadOnlyList<string> PageLines(TuiState state, int width, int height) =>
        PageRows(state, width, height).Select(r => r.Line).ToArray();

    /// <summary>
    /// As <see cref="PageLines"/>, each row with the entry it shows (-1 for a heading), for a click to find it.
    /// Given the window's previous first row (<paramref name="top"/>), the window stays where it was while the
    /// highlighted entry is in it, so that an entry does not move under the mouse; it is the window's first row after.
    /// </summary>
    public static IReadOnlyList<(string Line, int Entry)> PageRows(TuiState state, int width, int height) =>
        PageRows(state, width, height, -1, out _);

    public static IReadOnlyList<(string Line, int Entry)> PageRows(TuiState state, int width, int height, int top, out int first)
    {
        var entries = state.Lessons;
        var rows = new List<(string Line, int Entry)>();
        var nameWidth = entries.Count == 0 ? 0 : Math.Min(width / 3, entries.Max(e => TextFit.Width(Name(state, e))));
        for (var i = 0; i < entries.Count; i++)
        {
            if (i == 0 && entries[i].Lesson is not null)
            {
                rows.Add((TextFit.Styled(TextFit.Fit($"The path of lessons ({Legend})", width), Palette.Prompt), -1));
            }

            if (entries[i].Lesson is null && (i == 0 || entries[i - 1].Lesson is not null))
            {
                rows.Add((TextFit.Styled(TextFit.Fit("Programs", width), Palette.Prompt), -1));
            }

            var selected = i == state.LessonIndex;
            rows.Add((new MarkupLine(width)
                .Add(selected ? $"{Palette.SelectedMark} " : "  ", Palette.Marker)
                .Add(TextFit.Pad(Name(state, entries[i]), nameWidth), selected ? $"{Palette.Title} {Palette.Selected}" : NameStyle(state, entries[i]))
                .Add("  " + Description(state, entries[i]), selected ? null : Palette.Dim)
                .ToString(), i));
        }

        var at = Math.Max(0, rows.FindIndex(r => r.Entry == state.LessonIndex));
        var kept = top >= 0 && at >= top && at < top + height;
        first = Math.Clamp(kept ? top : at - (height / 2), 0, Math.Max(0, rows.Count - height));
        return rows.Skip(first).Take(Math.Max(0, height)).ToArray();
    }
}
