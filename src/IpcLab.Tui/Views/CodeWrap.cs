using System.Text;

namespace IpcLab.Tui.Views;

/// <summary>
/// A listing line too wide for its column, wrapped at blanks onto continuation rows indented
/// under its code (a student reads the whole statement rather than its start and "…"), its syntax
/// coloured as the whole line is, so that a string broken across rows stays a string.
/// </summary>
internal static class CodeWrap
{
    /// <summary>The most rows one source line takes; what does not fit them ends in "…".</summary>
    public const int MaxRows = 3;

    /// <summary>Cells a continuation row is indented past the start of the line's code.</summary>
    private const int Hang = 4;

    /// <summary>
    /// Where the rows of <paramref name="text"/> (a listing line whose code starts at index
    /// <paramref name="codeStart"/>) begin and end in a column <paramref name="width"/> cells wide,
    /// and the indent of the continuation rows; one row when it fits.
    /// </summary>
    public static (List<(int Start, int End)> Rows, int Indent) Breaks(string text, int codeStart, int width)
    {
        var rows = new List<(int Start, int End)>();
        var body = codeStart;
        while (body < text.Length && text[body] == ' ')
        {
            body++;
        }

        var indent = Math.Min(body + Hang, width / 2);
        var start = 0;
        while (start < text.Length && rows.Count < MaxRows)
        {
            var room = rows.Count == 0 ? width : width - indent;
            var end = FitEnd(text, start, room);
            if (end < text.Length && rows.Count < MaxRows - 1)
            {
                // Break at the last blank of the code that fits; a word longer than the row is cut.
                var blank = text.LastIndexOf(' ', end, end - Math.Max(start, body));
                end = blank > Math.Max(start, body) ? blank : end;
            }

            rows.Add((start, end));
            start = end;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }
        }

        return (rows, indent);
    }

    /// <summary>
    /// The rows as markup: the first from the line's start, the others indented; the last cut with
    /// "…" when the line is longer than <see cref="MaxRows"/> rows. Each character takes the style
    /// <paramref name="styleAt"/> gives it.
    /// </summary>
    public static List<string> Markup(string text, int codeStart, int width, Func<int, string?> styleAt)
    {
        var (rows, indent) = Breaks(text, codeStart, width);
        var lines = new List<string>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var (start, end) = rows[r];
            var last = r == rows.Count - 1;
            var line = new StringBuilder();
            var room = r == 0 ? width : width - indent;
            if (r > 0)
            {
                line.Append(' ', indent);
            }

            var cut = last && end < text.Length;
            if (cut)
            {
                end = FitEnd(text, start, room - 1);
            }

            for (var i = start; i < end;)
            {
                var style = styleAt(i);
                var run = i;
                while (run < end && styleAt(run) == style)
                {
                    run++;
                }

                line.Append(TextFit.Styled(text[i..run], style));
                i = run;
            }

            lines.Add(cut ? line.Append('…').ToString() : line.ToString());
        }

        return lines;
    }

    /// <summary>How many rows the line takes in a column <paramref name="width"/> cells wide.</summary>
    public static int Height(string text, int codeStart, int width) =>
        TextFit.Width(text) <= width ? 1 : Breaks(text, codeStart, width).Rows.Count;

    /// <summary>The end of the longest run of <paramref name="text"/> from <paramref name="start"/> that takes at most <paramref name="room"/> cells.</summary>
    private static int FitEnd(string text, int start, int room)
    {
        var used = 0;
        var end = start;
        while (end < text.Length)
        {
            var w = TextFit.Width(text.Substring(end, 1));
            if (used + w > Math.Max(1, room))
            {
                break;
            }

            used += w;
            end++;
        }

        return Math.Max(end, Math.Min(text.Length, start + 1));
    }
}
