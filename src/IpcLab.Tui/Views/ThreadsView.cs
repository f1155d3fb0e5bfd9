using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Views;

/// <summary>
/// The threads panel: per thread its key, name, state in words and colour, and its program with
/// the next line marked. When the panel is short, each listing becomes a window around its
/// marked line; when it is very short, a thread gets one line.
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
        var active = 0;
        var headers = 0;
        for (var t = 0; t < threads.Count; t++)
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
        if (headers + active <= h)
        {
            Full(state, session, changes, listings, states, headers, w, h, lines);
        }
        else
        {
            Compact(state, session, listings, w, h, lines, withCode: threads.Count + active <= h);
        }

        return lines;
    }

    private static void Full(TuiState state, Session session, StepChanges changes, ThreadListing?[] listings, List<string>[] states, int headers, int w, int h, List<string> lines)
    {
        var kernel = session.Kernel;
        var n = listings.Length;
        var size = new int[n];
        var room = h - headers;

        // Every running listing gets its marked line first, then lines are dealt out one at a
        // time so that a long listing cannot starve a short one. Finished threads have no marked
        // line; they are dealt lines only once every other listing is whole.
        for (var t = 0; t < n; t++)
        {
            if (listings[t] is { Count: > 0 } && kernel.StatusOf(t) != ThreadStatus.Finished)
            {
                size[t] = 1;
                room--;
            }
        }

        room = Deal(listings, size, room, t => size[t] > 0);
        room = Deal(listings, size, room, t => kernel.StatusOf(t) == ThreadStatus.Finished);

        var gaps = room >= n - 1;
        for (var t = 0; t < n; t++)
        {
            if (gaps && t > 0)
            {
                lines.Add("");
            }

            lines.Add(Header(state, session, changes, t, w));
            foreach (var part in states[t])
            {
                lines.Add(new MarkupLine(w).PadTo(StateIndent).Add(part, Palette.Of(kernel.StatusOf(t))).ToString());
            }

            if (listings[t] is { } listing && size[t] > 0)
            {
                var start = listing.WindowStart(size[t]);
                for (var i = start; i < start + size[t]; i++)
                {
                    lines.Add(listing.Line(i, w, dim: kernel.StatusOf(t) == ThreadStatus.Finished));
                }
            }
        }
    }

    /// <summary>Gives the eligible listings one more line each, round after round, while lines are left; returns what is left.</summary>
    private static int Deal(ThreadListing?[] listings, int[] size, int room, Func<int, bool> eligible)
    {
        for (var dealt = true; room > 0 && dealt;)
        {
            dealt = false;
            for (var t = 0; t < listings.Length && room > 0; t++)
            {
                if (listings[t] is { } l && size[t] < l.Count && eligible(t))
                {
                    size[t]++;
                    room--;
                    dealt = true;
                }
            }
        }

        return room;
    }

    private static void Compact(TuiState state, Session session, ThreadListing?[] listings, int w, int h, List<string> lines, bool withCode)
    {
        var kernel = session.Kernel;
        var n = listings.Length;
        var perThread = withCode ? 2 : 1;
        var shown = Math.Max(1, h / perThread);
        var first = Math.Clamp(state.SelectedThread - (shown / 2), 0, Math.Max(0, n - shown));
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

    private static string Header(TuiState state, Session session, StepChanges changes, int t, int w)
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

        return line.ToString();
    }

    private static void AddName(MarkupLine line, TuiState state, int t, string name)
    {
        var selected = state.SelectedThread == t;
        var key = t < 9 ? (t + 1).ToString() : " ";
        line.Add(selected ? $"{Palette.SelectedMark} " : "  ");
        line.Add($"{key} {name}", selected ? $"{Palette.Title} {Palette.Selected}" : Palette.Title);
    }
}
