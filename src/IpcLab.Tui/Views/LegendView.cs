using IpcLab.Core.Objects;

namespace IpcLab.Tui.Views;

/// <summary>
/// Every mark, word and colour the run screen uses, with what it means, grouped by where it
/// appears: the legend the help page shows beside the keys (Help menu, or ? then Tab).
/// </summary>
internal static class LegendView
{

    /// <summary>Each entry: the symbol as shown, its style, and its meaning; a null symbol starts a group (the meaning is its title).</summary>
    public static IReadOnlyList<(string? Symbol, string Style, string Meaning)> Entries { get; } =
    [
        (null, "", "threads"),
        ($"{Palette.SelectedMark} 2 name", Palette.Title, "selected (↑/↓), Enter runs it"),
        (Palette.NextLine, Palette.Marker, "the line the thread runs next"),
        (Palette.FoldMark, Palette.Dim, "lines folded to make room"),
        ("ready", Palette.Ready, "can run now"),
        ("blocked", Palette.Blocked, "waits: a lock, queue or socket"),
        ("waiting", Palette.Waiting, "waits on a condition variable"),
        ("finished", Palette.Finished, "has ended"),
        ("faulted", Palette.Faulted, "stopped by a fault or a crash"),
        ("ran last", "cyan", "took the last step"),
        ("just …", Palette.Changed, "what the last step did to it"),
        (null, "", "objects"),
        (Palette.ChangedMark, Palette.Changed, "changed by the last step"),
        ("┏━━┳━━┓", "", "a queue's slots"),
        ("▲ head ▲ tail", Palette.Dim, "where the next take/put happen"),
        ("next →", "", "messages, in the order received"),
        ("p5", "", "a message's priority"),
        ("inbox 4", "", "messages a member's inbox holds"),
        ("✓ / ✗", Palette.Ready, "in the group / not in it"),
        ("next turn x", Palette.Dim, "whose turn for the next anycast"),
        ("→", "", "bytes on a connection, that way"),
        (null, "", "timeline"),
        (TimelineData.Current, Palette.Prompt, "the current step (click, drag)"),
        (TimelineData.GlyphOf(EventClass.Block), TimelineData.StyleOf(EventClass.Block), "a thread blocked or waits"),
        (TimelineData.GlyphOf(EventClass.Wake), TimelineData.StyleOf(EventClass.Wake), "a thread was woken"),
        (TimelineData.GlyphOf(EventClass.Deliver), TimelineData.StyleOf(EventClass.Deliver), "a value changed hands"),
        (TimelineData.GlyphOf(EventClass.Drop), TimelineData.StyleOf(EventClass.Drop), "something was dropped or lost"),
        (TimelineData.GlyphOf(EventClass.Fault), TimelineData.StyleOf(EventClass.Fault), "a fault or a crash"),
        (TimelineData.GlyphOf(EventClass.Finding), TimelineData.StyleOf(EventClass.Finding), "a deadlock or a failed check"),
        (null, "", "output pane (o)"),
        ("register x = 0", "", "read, not yet written back"),
        ("→ true / false", "", "a final check, as of now"),
        (null, "", "prompts"),
        (Palette.Cursor, Palette.Prompt, "where typing goes"),
    ];

    // The meanings start in one column, after the widest symbol.
    private static readonly int SymbolWidth = Entries.Max(e => e.Symbol is null ? 0 : TextFit.Width(e.Symbol)) + 3;

    /// <summary>
    /// The legend as lines of markup in <paramref name="width"/> x <paramref name="height"/> cells:
    /// one column when it fits, else two, split between groups as near the middle as can be.
    /// </summary>
    public static List<string> Lines(int width, int height)
    {
        var one = Column(Entries, width);
        if (one.Count <= height)
        {
            return one;
        }

        var starts = Entries.Select((e, i) => (e, i)).Where(p => p.e.Symbol is null).Select(p => p.i).ToList();
        var split = starts.MinBy(i => Math.Abs((2 * i) - Entries.Count));
        var columnWidth = (width - 2) / 2;
        var left = Column(Entries.Take(split).ToList(), columnWidth);
        var right = Column(Entries.Skip(split).ToList(), columnWidth);
        var lines = new List<string>();
        for (var row = 0; row < Math.Max(left.Count, right.Count); row++)
        {
            var l = row < left.Count ? left[row] : "";
            var pad = new string(' ', columnWidth + 2 - TextFit.Width(MarkupRuns.Plain(l)));
            lines.Add(l + pad + (row < right.Count ? right[row] : ""));
        }

        return lines;
    }

    private static List<string> Column(IReadOnlyList<(string? Symbol, string Style, string Meaning)> entries, int width)
    {
        var lines = new List<string>();
        foreach (var (symbol, style, meaning) in entries)
        {
            if (symbol is null)
            {
                lines.Add(new MarkupLine(width).Add(meaning, Palette.Title).ToString());
                continue;
            }

            var wrapped = TextFit.Wrap(meaning, width - SymbolWidth);
            lines.Add(new MarkupLine(width).Add("  ").Add(symbol, style).PadTo(SymbolWidth).Add(wrapped.Count > 0 ? wrapped[0] : "").ToString());
            lines.AddRange(wrapped.Skip(1).Select(w => new MarkupLine(width).PadTo(SymbolWidth).Add(w).ToString()));
        }

        return lines;
    }
}
