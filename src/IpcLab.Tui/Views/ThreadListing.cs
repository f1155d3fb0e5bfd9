using IpcLab.Core.Model;

namespace IpcLab.Tui.Views;

/// <summary>
/// A thread's program as source lines: the lines from its first to its last instruction, with the
/// indentation they share removed, and which of them holds the thread's next instruction.
/// </summary>
internal sealed class ThreadListing
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

    /// <summary>One listing line as markup: "  ▶ 10 while full(buffer):", fitted to <paramref name="width"/>; grey when <paramref name="dim"/> (a finished thread).</summary>
    public string Line(int index, int width, bool dim = false)
    {
        var raw = _source[FirstLine - 1 + index].TrimEnd();
        var code = raw.Length >= _indent ? raw[_indent..] : raw.TrimStart();
        var number = (FirstLine + index).ToString().PadLeft(NumberWidth);
        var marked = index == Marked;
        var text = $"  {(marked ? Palette.NextLine : " ")} {number} {code}";
        return TextFit.Markup(text, width, marked ? Palette.Marker : dim ? Palette.Dim : null);
    }
}
