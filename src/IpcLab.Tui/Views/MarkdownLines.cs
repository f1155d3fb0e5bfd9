using System.Text;

namespace IpcLab.Tui.Views;

/// <summary>
/// The Markdown of a lesson's narrative as lines of markup for a pane: headings in bold,
/// paragraphs and list items word-wrapped with <c>`code`</c>, <c>**bold**</c> and <c>*emphasis*</c> kept as styles,
/// fenced code and table rows as they are (cut at the width). It reads what the lessons use and
/// shows anything else as text.
/// </summary>
internal static class MarkdownLines
{
    private const string Code = "cyan";

    private const string Italic = "italic";

    public static List<string> Render(string markdown, int width)
    {
        var lines = new List<string>();
        var paragraph = new StringBuilder();
        var bullet = "";
        var fence = false;
        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                fence = !fence;
                continue;
            }

            if (fence)
            {
                lines.Add(TextFit.Markup("  " + line, width, Code));
                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
                Blank();
                continue;
            }

            if (trimmed.StartsWith('#'))
            {
                Flush();
                var level = trimmed.TakeWhile(ch => ch == '#').Count();
                lines.AddRange(TextFit.Wrap(trimmed[level..].Trim(), width).Select(l => TextFit.Styled(l, level == 1 ? "bold cyan" : "bold")));
                continue;
            }

            if (trimmed.StartsWith('|'))
            {
                Flush();
                lines.Add(TextFit.Markup(trimmed, width));
                continue;
            }

            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            {
                Flush();
                bullet = "• ";
                trimmed = trimmed[2..];
            }

            paragraph.Append(paragraph.Length == 0 ? "" : " ").Append(trimmed);
        }

        Flush();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;

        void Blank()
        {
            if (lines.Count > 0 && lines[^1].Length > 0)
            {
                lines.Add("");
            }
        }

        void Flush()
        {
            if (paragraph.Length > 0)
            {
                lines.AddRange(Wrap(bullet + paragraph, width, bullet.Length));
            }

            paragraph.Clear();
            bullet = "";
        }
    }

    /// <summary>Word-wraps a paragraph, its <c>`code`</c> and <c>**bold**</c> spans styled; lines after the first start with <paramref name="indent"/> spaces.</summary>
    public static List<string> Wrap(string text, int width, int indent = 0)
    {
        var lines = new List<string>();
        var line = new MarkupLine(width);
        var used = 0;
        foreach (var (word, style, spaced) in Words(text))
        {
            var w = TextFit.Width(word);
            if (!spaced && used > 0)
            {
                // Glued to the word before ("`count`," or "**reads**."): no space, no break between them.
                line.Add(word, style);
                used += w;
                continue;
            }

            if (used > 0 && used + 1 + w > width)
            {
                lines.Add(line.ToString());
                line = new MarkupLine(width).PadTo(indent);
                used = indent;
            }
            else if (used > 0)
            {
                line.Add(" ");
                used++;
            }

            line.Add(word, style);
            used += w;
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>The words of a paragraph with their styles, and whether a space comes before each.</summary>
    private static IEnumerable<(string Word, string? Style, bool Spaced)> Words(string text)
    {
        string? style = null;
        var word = new StringBuilder();
        var spaced = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var strong = c == '*' && i + 1 < text.Length && text[i + 1] == '*' && style != Code;

            // A single * opens emphasis before a word and closes it after one ("*one*"); "2 * 3" stays text.
            var emphasis = c == '*' && !strong && style != Code
                && (style == Italic ? i > 0 && text[i - 1] != ' ' : i + 1 < text.Length && text[i + 1] != ' ');
            if (c == '`' || strong || emphasis)
            {
                if (word.Length > 0)
                {
                    yield return (word.ToString(), style, spaced);
                    word.Clear();
                    spaced = false;
                }

                style = c == '`' ? (style == Code ? null : Code) : emphasis ? (style == Italic ? null : Italic) : (style == "bold" ? null : "bold");
                i += strong ? 1 : 0;
            }
            else if (c == ' ')
            {
                if (word.Length > 0)
                {
                    yield return (word.ToString(), style, spaced);
                    word.Clear();
                }

                spaced = true;
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return (word.ToString(), style, spaced);
        }
    }
}
