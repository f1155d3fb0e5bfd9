using System.Text;

namespace IpcLab.Tui.Views;

/// <summary>
/// Reads the view lines' markup back into styled runs, so a toolkit other than the one the markup
/// was written for can display the same view data: <c>[style]text[/]</c> (nested), and <c>[[</c>
/// and <c>]]</c> for literal brackets. The markup comes from <see cref="TextFit.Styled"/>, so an
/// unclosed tag or a stray bracket is a bug in a view: it throws.
/// </summary>
public static class MarkupRuns
{
    public static IReadOnlyList<StyledRun> Parse(string markup)
    {
        var runs = new List<StyledRun>();
        var styles = new Stack<string>();
        var text = new StringBuilder();
        var i = 0;
        while (i < markup.Length)
        {
            var c = markup[i];
            if (c == '[' && i + 1 < markup.Length && markup[i + 1] == '[')
            {
                text.Append('[');
                i += 2;
            }
            else if (c == ']' && i + 1 < markup.Length && markup[i + 1] == ']')
            {
                text.Append(']');
                i += 2;
            }
            else if (c == '[')
            {
                var end = markup.IndexOf(']', i);
                if (end < 0)
                {
                    throw new FormatException($"unclosed tag at {i} in markup: {markup}");
                }

                Flush(runs, text, styles);
                var tag = markup[(i + 1)..end];
                if (tag == "/")
                {
                    if (styles.Count == 0)
                    {
                        throw new FormatException($"[/] without a tag at {i} in markup: {markup}");
                    }

                    styles.Pop();
                }
                else
                {
                    styles.Push(tag);
                }

                i = end + 1;
            }
            else if (c == ']')
            {
                throw new FormatException($"a lone ] at {i} in markup: {markup}");
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        Flush(runs, text, styles);
        if (styles.Count > 0)
        {
            throw new FormatException($"[{styles.Peek()}] is never closed in markup: {markup}");
        }

        return runs;
    }

    /// <summary>The line's text without its styles.</summary>
    public static string Plain(string markup) => string.Concat(Parse(markup).Select(r => r.Text));

    private static void Flush(List<StyledRun> runs, StringBuilder text, Stack<string> styles)
    {
        if (text.Length == 0)
        {
            return;
        }

        // The innermost tag decides; outer words it does not override (bold around a colour) still apply.
        runs.Add(new StyledRun(text.ToString(), string.Join(' ', styles.Reverse())));
        text.Clear();
    }
}
