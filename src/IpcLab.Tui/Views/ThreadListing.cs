using System.Text.RegularExpressions;
using IpcLab.Core.Model;

namespace IpcLab.Tui.Views;

/// <summary>
/// A thread's program as source lines: the lines from its first to its last instruction, with the
/// indentation they share removed, and which of them holds the thread's next instruction.
/// </summary>
internal sealed partial class ThreadListing
{
    private readonly IReadOnlyList<string> _source;
    private readonly int _indent;

    public ThreadListing(CompiledProgram program, ThreadInfo thread, Instr? next)
    {
        _source = program.SourceLines;
        int first = int.MaxValue, last = 0;
        foreach (var instr in thread.Code)
        {
            var line = instr.Pos.Line;
            if (line > 0 && line <= _source.Count)
            {
                first = Math.Min(first, line);
                last = Math.Max(last, line);
            }
        }

        FirstLine = first == int.MaxValue ? 1 : first;
        Count = first == int.MaxValue ? 0 : last - first + 1;
        Marked = next is not null && next.Pos.Line >= FirstLine && next.Pos.Line < FirstLine + Count ? next.Pos.Line - FirstLine : -1;
        _indent = int.MaxValue;
        for (var i = 0; i < Count; i++)
        {
            var text = _source[FirstLine - 1 + i];
            if (text.Trim().Length > 0)
            {
                _indent = Math.Min(_indent, text.Length - text.TrimStart().Length);
            }
        }

        if (_indent == int.MaxValue)
        {
            _indent = 0;
        }

        NumberWidth = (FirstLine + Count - 1).ToString().Length;
    }

    /// <summary>The 1-based source line of the listing's first line.</summary>
    public int FirstLine { get; }

    /// <summary>How many source lines the thread spans.</summary>
    public int Count { get; }

    /// <summary>The listing index (0-based) of the next instruction's line, or -1.</summary>
    public int Marked { get; }

    public int NumberWidth { get; }

    /// <summary>The cells the widest line of the listing takes, as <see cref="Line"/> shows it.</summary>
    public int Width
    {
        get
        {
            var widest = 0;
            for (var i = 0; i < Count; i++)
            {
                var raw = _source[FirstLine - 1 + i].TrimEnd();
                widest = Math.Max(widest, TextFit.Width(raw.Length >= _indent ? raw[_indent..] : raw.TrimStart()));
            }

            return 4 + NumberWidth + 1 + widest;
        }
    }

    /// <summary>
    /// The first index of a window of <paramref name="size"/> lines that shows the marked line,
    /// a little above the middle so that more of what comes next is visible.
    /// </summary>
    public int WindowStart(int size)
    {
        if (size >= Count)
        {
            return 0;
        }

        var start = Marked < 0 ? 0 : Marked - ((size - 1) / 3);
        return Math.Clamp(start, 0, Count - size);
    }

    /// <summary>
    /// How many rows the listing needs with every run of assignments and prints folded (see
    /// <see cref="Rows"/>): below this, the listing must become a window.
    /// </summary>
    public int FoldedCount => Count - Folds().Sum(f => f.Last - f.First);

    /// <summary>
    /// At most <paramref name="size"/> rows that show the marked line, each a range of listing
    /// indexes (one line, or a fold). When the whole listing does not fit, runs of three or more
    /// assignments and prints away from the marked line fold into one row, longest first, so that
    /// loops, branches and the operations on objects stay visible; what still does not fit becomes a window.
    /// </summary>
    public List<(int First, int Last)> Rows(int size)
    {
        var rows = new List<(int First, int Last)>(Count);
        if (size >= Count)
        {
            for (var i = 0; i < Count; i++)
            {
                rows.Add((i, i));
            }

            return rows;
        }

        var folds = Folds();
        folds.Sort((a, b) => (b.Last - b.First).CompareTo(a.Last - a.First));
        var used = new List<(int First, int Last)>();
        var count = Count;
        foreach (var fold in folds)
        {
            if (count <= size)
            {
                break;
            }

            // Fold no more than needed, so that the listing fills the rows it was given.
            var saved = Math.Min(fold.Last - fold.First, count - size);
            // Before the marked line the lines nearest it stay, after it the lines that come next.
            used.Add(fold.First > Marked ? (fold.Last - saved, fold.Last) : (fold.First, fold.First + saved));
            count -= saved;
        }

        var marked = 0;
        for (var i = 0; i < Count; i++)
        {
            var last = i;
            foreach (var fold in used)
            {
                last = fold.First == i ? fold.Last : last;
            }

            rows.Add((i, last));
            marked = i == Marked ? rows.Count - 1 : marked;
            i = last;
        }

        if (rows.Count <= size)
        {
            return rows;
        }

        var start = Math.Clamp(Marked < 0 ? 0 : marked - ((size - 1) / 3), 0, rows.Count - size);
        return rows.GetRange(start, size);
    }

    /// <summary>A folded run as markup: "    ⋯ 19-27 (9 lines)", grey.</summary>
    public string FoldLine((int First, int Last) fold, int width)
    {
        var text = $"    {Palette.FoldMark} {FirstLine + fold.First}-{FirstLine + fold.Last} ({fold.Last - fold.First + 1} lines)";
        return TextFit.Markup(text, width, Palette.Dim);
    }

    /// <summary>The runs of three or more assignments and prints at one indentation, none the marked line.</summary>
    private List<(int First, int Last)> Folds()
    {
        var folds = new List<(int First, int Last)>();
        var first = -1;
        var indent = -1;
        for (var i = 0; i <= Count; i++)
        {
            var text = i < Count ? _source[FirstLine - 1 + i] : "";
            var lineIndent = text.Length - text.TrimStart().Length;
            var plain = i < Count && i != Marked && IsPlainStatement(text.Trim());
            if (first >= 0 && (!plain || lineIndent != indent))
            {
                if (i - first >= 3)
                {
                    folds.Add((first, i - 1));
                }

                first = -1;
            }

            if (plain && first < 0)
            {
                first = i;
                indent = lineIndent;
            }
        }

        return folds;
    }

    /// <summary>An assignment or a print: never an operation on a kernel object, a branch or a loop.</summary>
    private static bool IsPlainStatement(string code) =>
        code.StartsWith("print ", StringComparison.Ordinal) || PlainAssignment().IsMatch(code);

    [GeneratedRegex(@"^[A-Za-z_]\w*\s*(=|\+=|-=)\s")]
    private static partial Regex PlainAssignment();

    /// <summary>One listing line as markup: "  ▶ 10 while full(buffer):", fitted to <paramref name="width"/>; the next line marked, grey when <paramref name="dim"/> (a finished thread), else with its syntax coloured.</summary>
    public string Line(int index, int width, bool dim = false)
    {
        var (text, codeStart) = Text(index);
        if (index == Marked || dim)
        {
            return TextFit.Markup(text, width, index == Marked ? Palette.Marker : Palette.Dim);
        }

        // The code is coloured after it is fitted, so the cut and its "…" are where they are uncoloured.
        var fitted = TextFit.Fit(text, width);
        var prefix = Math.Min(fitted.Length, codeStart);
        return TextFit.Styled(fitted[..prefix], null) + CodeColours.Markup(fitted[prefix..]);
    }

    /// <summary>
    /// One listing line as rows of markup, styled as <see cref="Line"/> styles it: one row when it
    /// fits <paramref name="width"/>, else wrapped onto indented continuation rows (<see cref="CodeWrap"/>).
    /// </summary>
    public List<string> WrappedLine(int index, int width, bool dim = false)
    {
        var (text, codeStart) = Text(index);
        if (TextFit.Width(text) <= width)
        {
            return [Line(index, width, dim)];
        }

        if (index == Marked || dim)
        {
            var style = index == Marked ? Palette.Marker : Palette.Dim;
            return CodeWrap.Markup(text, codeStart, width, _ => style);
        }

        var styles = new string?[text.Length];
        var at = codeStart;
        foreach (var (piece, kind) in CodeColours.Tokens(text[codeStart..]))
        {
            Array.Fill(styles, CodeColours.StyleOf(kind), at, piece.Length);
            at += piece.Length;
        }

        return CodeWrap.Markup(text, codeStart, width, i => styles[i]);
    }

    /// <summary>The rows of a column <paramref name="width"/> cells wide that the listing takes with <paramref name="size"/> of its rows (<see cref="Rows"/>), its long lines wrapped.</summary>
    public int Height(int size, int width)
    {
        var height = 0;
        foreach (var (first, last) in Rows(size))
        {
            var (text, codeStart) = first == last ? Text(first) : ("", 0);
            height += first == last ? CodeWrap.Height(text, codeStart, width) : 1;
        }

        return height;
    }

    /// <summary>A listing line as plain text ("  ▶ 10 while full(buffer):", control characters as blanks) and where its code starts.</summary>
    private (string Text, int CodeStart) Text(int index)
    {
        var raw = _source[FirstLine - 1 + index].TrimEnd();
        var code = raw.Length >= _indent ? raw[_indent..] : raw.TrimStart();
        if (code.Any(char.IsControl))
        {
            code = string.Concat(code.Select(c => char.IsControl(c) ? ' ' : c));
        }

        var number = (FirstLine + index).ToString().PadLeft(NumberWidth);
        var text = $"  {(index == Marked ? Palette.NextLine : " ")} {number} {code}";
        return (text, text.Length - code.Length);
    }
}
