using System.Collections.Concurrent;
using System.Text;
using Terminal.Gui.Text;

namespace IpcLab.Tui.Views;

/// <summary>
/// Fitting plain text into terminal cells before it becomes markup: measure, cut with "…", pad,
/// word-wrap, and escape. Views fit every line themselves so that no panel ever wraps a line
/// (a wrapped line would push the rest of the panel off its bottom edge).
/// </summary>
internal static class TextFit
{
    private static readonly ConcurrentDictionary<char, int> _wide = new();

    /// <summary>How many terminal cells the text takes.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += CharWidth(c);
        }

        return width;
    }

    /// <summary>
    /// The text cut to <paramref name="width"/> cells, ending in "…" when it was cut. Control
    /// characters become spaces: a newline in data must not add a line to a panel.
    /// </summary>
    public static string Fit(string text, int width)
    {
        if (width <= 0)
        {
            return "";
        }

        if (HasControl(text))
        {
            text = string.Create(text.Length, text, static (span, t) =>
            {
                for (var i = 0; i < t.Length; i++)
                {
                    span[i] = char.IsControl(t[i]) ? ' ' : t[i];
                }
            });
        }

        if (text.Length <= width && IsNarrow(text))
        {
            return text;
        }

        if (Width(text) <= width)
        {
            return text;
        }

        var sb = new StringBuilder();
        var used = 0;
        foreach (var c in text)
        {
            var w = CharWidth(c);
            if (used + w > width - 1)
            {
                break;
            }

            sb.Append(c);
            used += w;
        }

        return sb.Append('…').ToString();
    }

    /// <summary>The text fitted to exactly <paramref name="width"/> cells (cut or padded with spaces).</summary>
    public static string Pad(string text, int width)
    {
        var fitted = Fit(text, width);
        var w = Width(fitted);
        return w >= width ? fitted : fitted + new string(' ', width - w);
    }

    /// <summary>The text fitted, escaped and wrapped in a style (no style: just escaped).</summary>
    public static string Markup(string text, int width, string? style = null) => Styled(Fit(text, width), style);

    /// <summary>Escaped text in a style; the caller has already fitted it.</summary>
    public static string Styled(string text, string? style) =>
        string.IsNullOrEmpty(style) || text.Length == 0
            ? Escape(text)
            : $"[{style}]{Escape(text)}[/]";

    /// <summary>Text that shows as itself in markup: its brackets doubled.</summary>
    public static string Escape(string text) =>
        text.Replace("[", "[[", StringComparison.Ordinal).Replace("]", "]]", StringComparison.Ordinal);

    /// <summary>
    /// Word-wraps the text to <paramref name="width"/> cells; lines after the first start with
    /// <paramref name="indent"/> spaces. A word longer than a line is cut with "…".
    /// </summary>
    public static List<string> Wrap(string text, int width, int indent = 0)
    {
        var lines = new List<string>();
        if (width <= 0)
        {
            return lines;
        }

        indent = Math.Min(indent, width / 2);
        var line = new StringBuilder();
        var used = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var limit = lines.Count == 0 ? width : width - indent;
            var w = Width(word);
            if (used > 0 && used + 1 + w > limit)
            {
                lines.Add(line.ToString());
                line.Clear().Append(' ', indent);
                used = 0;
                limit = width - indent;
            }

            if (used > 0)
            {
                line.Append(' ');
                used++;
            }

            var fitted = Fit(word, limit - used);
            line.Append(fitted);
            used += Width(fitted);
        }

        if (used > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNarrow(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u1100')
            {
                return false;
            }
        }

        return true;
    }

    // Below U+1100 every character takes one cell. Above it, ask Terminal.Gui (it lays the line out
    // with the same table); astral characters (emoji) arrive as surrogate pairs: two cells, once.
    private static int CharWidth(char c) =>
        c < '\u1100' ? 1
        : char.IsHighSurrogate(c) ? 2
        : char.IsLowSurrogate(c) ? 0
        : _wide.GetOrAdd(c, static ch => Math.Max(0, new Rune(ch).GetColumns()));
}
