using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Views;

/// <summary>
/// The threads panel: per thread its key, name, state in words and colour, and its program with
/// the next line marked. When the panel is short, each listing becomes a window around its
/// marked line; when it is very short, a thread gets one line. Scrolled by the wheel, the panel
/// starts at a later thread, and the threads it shows share its lines as if they were all there are.
/// </summary>
internal static class ThreadsView
{
    private const int StateIndent = 4;

    /// <summary>The panel's lines (markup), fitted to <paramref name="w"/> x <paramref name="h"/> cells inside its border.</summary>
    public static List<string> Lines(TuiState state, Session session, StepChanges changes, int w, int h)
    {
        var n = session.Kernel.Program.Threads.Count;
        if (ThreadColumns.Split(state, session, w, h) is { } split)
        {
            var left = ThreadColumns.LeftWidth(session, split, w);
            var right = w - left - ThreadColumns.Gap;
            // The left column is on the screen beside the right one: a thread on the right running
            // a program listed on the left is a copy, as it would be below it.
            return ThreadColumns.Join(Column(state, session, changes, left, h, (0, 0, split)), Column(state, session, changes, right, h, (0, split, n)), left);
        }

        var scrolled = Math.Clamp(state.ThreadsScrolled, 0, Math.Max(0, n - 1));
        return Column(state, session, changes, w, h, (scrolled, scrolled, n));
    }

    /// <summary>
    /// The threads from <paramref name="range"/>.First up to its End in one column of <paramref name="w"/> x <paramref name="h"/>
    /// cells; the threads from its Shown on are on the screen (a thread running a program one of them runs is a copy).
    /// </summary>
    private static List<string> Column(TuiState state, Session session, StepChanges changes, int w, int h, (int Shown, int First, int End) range)
    {
        var kernel = session.Kernel;
        var threads = kernel.Program.Threads;
        var (shown, first, end) = range;
        // Sized to the column's last thread: the threads after it are another column's.
        var listings = new ThreadListing?[end];
        var states = new List<string>[end];
        var active = 0;
        var headers = 0;
        for (var t = shown; t < first; t++)
        {
            listings[t] = new ThreadListing(kernel.Program, threads[t], kernel.NextInstruction(t));
        }

        for (var t = first; t < end; t++)
        {
            listings[t] = new ThreadListing(kernel.Program, threads[t], kernel.NextInstruction(t));
            active += listings[t]!.Count > 0 && kernel.StatusOf(t) != ThreadStatus.Finished ? 1 : 0;
            states[t] = TextFit.Wrap(ThreadStateText.Of(kernel, t), w - StateIndent, 2);
            if (states[t].Count > 2)
            {
                states[t].RemoveRange(2, states[t].Count - 2);
                states[t][1] = TextFit.Fit(states[t][1] + " …", w - StateIndent);
            }

            headers += 1 + states[t].Count;
        }

        var lines = new List<string>(h);
        var inline = new bool[end];
        for (var t = first; t < end; t++)
        {
            // A state that fits beside the name goes there: one line more for the code.
            inline[t] = states[t].Count == 1 && Header(state, session, changes, t, w).Room >= 3 + TextFit.Width(states[t][0]);
            headers -= inline[t] ? 1 : 0;
        }

        if (headers + active <= h)
        {
            Full(state, session, changes, listings, states, inline, (shown, first, headers), w, h, lines);
        }
        else
        {
            Compact(state, session, listings, first, w, h, lines, withCode: end - first + active <= h);
        }

        return lines;
    }

    private static void Full(TuiState state, Session session, StepChanges changes, ThreadListing?[] listings, List<string>[] states, bool[] inline, (int Shown, int First, int Headers) range, int w, int h, List<string> lines)
    {
        var kernel = session.Kernel;
        var (shown, first, headers) = range;
        var n = listings.Length;
        var size = new int[n];
        var room = h - headers;
        var copy = new bool[n];
        var listed = new bool[n];

        // Every running listing gets its marked line first. Then lines are dealt out one at a
        // time so that a long listing cannot starve a short one: first to each program's first
        // thread, up to its listing with runs of assignments folded, then to threads running a
        // program already listed (their marked line says where they are), then whole listings.
        // Finished threads have no marked line; they are dealt lines only once every other listing is whole.
        // A line wider than the column costs the rows it wraps onto.
        for (var t = first; t < n; t++)
        {
            listed[t] = true;
            copy[t] = listings[t] is { } l && Enumerable.Range(shown, t - shown).Any(u => listings[u] is { } o && o.FirstLine == l.FirstLine && o.Count == l.Count);
            if (listings[t] is { Count: > 0 } marked && kernel.StatusOf(t) != ThreadStatus.Finished)
            {
                size[t] = 1;
                room -= marked.Height(1, w);
            }
        }

        room = Deal(listings, size, (room, w), t => size[t] > 0 && !copy[t], folded: true);
        room = Deal(listings, size, (room, w), t => size[t] > 0, folded: true);
        room = Deal(listings, size, (room, w), t => size[t] > 0, folded: false);
        room = Deal(listings, size, (room, w), t => listed[t] && kernel.StatusOf(t) == ThreadStatus.Finished, folded: false);

        var gaps = room >= n - first - 1;
        for (var t = first; t < n; t++)
        {
            if (gaps && t > first)
            {
                lines.Add("");
            }

            var header = Header(state, session, changes, t, w);
            if (inline[t])
            {
                lines.Add(header.Add(" · ", Palette.Dim).Add(states[t][0], Palette.Of(kernel.StatusOf(t))).ToString());
            }
            else
            {
                lines.Add(header.ToString());
                foreach (var part in states[t])
                {
                    lines.Add(new MarkupLine(w).PadTo(StateIndent).Add(part, Palette.Of(kernel.StatusOf(t))).ToString());
                }
            }

            if (listings[t] is { } listing && size[t] > 0)
            {
                foreach (var row in listing.Rows(size[t]))
                {
                    if (row.First == row.Last)
                    {
                        lines.AddRange(listing.WrappedLine(row.First, w, dim: kernel.StatusOf(t) == ThreadStatus.Finished));
                    }
                    else
                    {
                        lines.Add(listing.FoldLine(row, w));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Gives the eligible listings one more line each, round after round, while rows are left, up
    /// to their folded length when <paramref name="folded"/> (else their whole length); a line
    /// costs the rows it takes in a column of the given width. Returns the rows left.
    /// </summary>
    private static int Deal(ThreadListing?[] listings, int[] size, (int Rows, int Width) room, Func<int, bool> eligible, bool folded)
    {
        var (left, width) = room;
        for (var dealt = true; left > 0 && dealt;)
        {
            dealt = false;
            for (var t = 0; t < listings.Length && left > 0; t++)
            {
                if (listings[t] is { } l && size[t] < (folded ? l.FoldedCount : l.Count) && eligible(t)
                    && l.Height(size[t] + 1, width) - l.Height(size[t], width) is var cost && cost <= left)
                {
                    size[t]++;
                    left -= cost;
                    dealt = true;
                }
            }
        }

        return left;
    }

    private static void Compact(TuiState state, Session session, ThreadListing?[] listings, int scrolled, int w, int h, List<string> lines, bool withCode)
    {
        var kernel = session.Kernel;
        var n = listings.Length;
        var perThread = withCode ? 2 : 1;
        var shown = Math.Max(1, h / perThread);
        // Unscrolled, the window of threads follows the selection; scrolled, it starts where the wheel left it.
        var first = scrolled > 0 ? scrolled : Math.Clamp(state.SelectedThread - (shown / 2), 0, Math.Max(0, n - shown));
        var nameWidth = 0;
        for (var t = 0; t < n; t++)
        {
            nameWidth = Math.Max(nameWidth, TextFit.Width(kernel.ThreadName(t)));
        }

        for (var t = first; t < n && lines.Count + perThread <= h; t++)
        {
            var line = new MarkupLine(w);
            AddName(line, state, t, kernel.ThreadName(t));
            line.PadTo(4 + n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + Math.Min(nameWidth, w / 3) + 1);
            line.Add(ThreadStateText.Of(kernel, t), Palette.Of(kernel.StatusOf(t)));
            lines.Add(line.ToString());
            if (withCode && listings[t] is { Marked: >= 0 } listing && kernel.StatusOf(t) != ThreadStatus.Finished)
            {
                lines.Add(listing.Line(listing.Marked, w));
            }
        }
    }

    private static MarkupLine Header(TuiState state, Session session, StepChanges changes, int t, int w)
    {
        var kernel = session.Kernel;
        var line = new MarkupLine(w);
        AddName(line, state, t, kernel.ThreadName(t));
        var program = kernel.Program;
        if (program.Processes.Count > 1)
        {
            line.Add($" · process {program.Processes[program.Threads[t].Process].Name}", Palette.Dim);
        }

        if (session.LastThread == t)
        {
            line.Add(" · ran last", "cyan");
        }

        if (changes.TagOf(t) is { } tag)
        {
            line.Add($" · {tag}", Palette.Changed);
        }

        return line;
    }

    private static void AddName(MarkupLine line, TuiState state, int t, string name)
    {
        var selected = state.SelectedThread == t;
        // Every thread shows its number, the one the prompts, the wait-for chains and a click use;
        // keys 1-9 run the first nine, a click runs any.
        line.Add(selected ? $"{Palette.SelectedMark} " : "  ");
        line.Add($"{t + 1} {name}", selected ? $"{Palette.Title} {Palette.Selected}" : Palette.Title);
    }
}
