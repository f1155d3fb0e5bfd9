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
        var kernel = session.Kernel;
        var threads = kernel.Program.Threads;
        var listings = new ThreadListing?[threads.Count];
        var states = new List<string>[threads.Count];
        var first = Math.Clamp(state.ThreadsScrolled, 0, Math.Max(0, threads.Count - 1));
        var active = 0;
        var headers = 0;
        for (var t = first; t < threads.Count; t++)
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
        var inline = new bool[threads.Count];
        for (var t = first; t < threads.Count; t++)
        {
            // A state that fits beside the name goes there: one line more for the code.
            inline[t] = states[t].Count == 1 && Header(state, session, changes, t, w).Room >= 3 + TextFit.Width(states[t][0]);
            headers -= inline[t] ? 1 : 0;
        }

        if (headers + active <= h)
        {
            Full(state, session, changes, listings, states, inline, (first, headers), w, h, lines);
        }
        else
        {
            Compact(state, session, listings, first, w, h, lines, withCode: threads.Count - first + active <= h);
        }

        return lines;
    }

    private static void Full(TuiState state, Session session, StepChanges changes, ThreadListing?[] listings, List<string>[] states, bool[] inline, (int First, int Headers) shown, int w, int h, List<string> lines)
    {
        var kernel = session.Kernel;
        var (first, headers) = shown;
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
        for (var t = first; t < n; t++)
        {
            listed[t] = true;
            copy[t] = listings[t] is { } l && Enumerable.Range(first, t - first).Any(u => listings[u] is { } o && o.FirstLine == l.FirstLine && o.Count == l.Count);
            if (listings[t] is { Count: > 0 } && kernel.StatusOf(t) != ThreadStatus.Finished)
            {
                size[t] = 1;
                room--;
            }
        }

        room = Deal(listings, size, room, t => size[t] > 0 && !copy[t], folded: true);
        room = Deal(listings, size, room, t => size[t] > 0, folded: true);
        room = Deal(listings, size, room, t => size[t] > 0, folded: false);
        room = Deal(listings, size, room, t => listed[t] && kernel.StatusOf(t) == ThreadStatus.Finished, folded: false);

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
                    lines.Add(row.First == row.Last
                        ? listing.Line(row.First, w, dim: kernel.StatusOf(t) == ThreadStatus.Finished)
                        : listing.FoldLine(row, w));
                }
            }
        }
    }

    /// <summary>
    /// Gives the eligible listings one more line each, round after round, while lines are left, up
    /// to their folded length when <paramref name="folded"/> (else their whole length); returns what is left.
    /// </summary>
    private static int Deal(ThreadListing?[] listings, int[] size, int room, Func<int, bool> eligible, bool folded)
    {
        for (var dealt = true; room > 0 && dealt;)
        {
            dealt = false;
            for (var t = 0; t < listings.Length && room > 0; t++)
            {
                if (listings[t] is { } l && size[t] < (folded ? l.FoldedCount : l.Count) && eligible(t))
                {
                    size[t]++;
                    room--;
                    dealt = true;
                }
            }
        }

        return room;
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
            line.PadTo(5 + Math.Min(nameWidth, w / 3) + 1);
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
        var key = t < 9 ? (t + 1).ToString() : " ";
        line.Add(selected ? $"{Palette.SelectedMark} " : "  ");
        line.Add($"{key} {name}", selected ? $"{Palette.Title} {Palette.Selected}" : Palette.Title);
    }
}
