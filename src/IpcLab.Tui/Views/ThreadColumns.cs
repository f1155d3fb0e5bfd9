using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Views;

/// <summary>
/// When the threads' programs do not fit one column of the threads panel, the panel takes more of
/// the width and shows the threads in two columns, the right-hand panels keeping what they need:
/// at 120x40 a server's whole loop and its clients side by side, rather than the loop's end cut
/// off while the objects panel stands mostly empty.
/// </summary>
internal static class ThreadColumns
{
    /// <summary>The narrowest a column of threads is worth (inside the panel): a listing indented three levels still reads.</summary>
    public const int MinColumn = 38;

    /// <summary>The widest a column of threads gets; more would only pad the code's right.</summary>
    public const int MaxColumn = 64;

    /// <summary>Cells between the two columns: a blank, a grey rule, a blank.</summary>
    public const int Gap = 3;

    /// <summary>The least the objects and events column keeps, and its share of a wide window.</summary>
    private const int RightMin = 36;

    /// <summary>The threads panel's width (borders included) in a window <paramref name="width"/> wide whose panels have <paramref name="rows"/> rows inside.</summary>
    public static int PanelWidth(TuiState state, Session session, int width, int rows)
    {
        var one = Math.Clamp(width * 48 / 100, 48, 72);
        var two = Math.Min(width - Math.Max(RightMin, width * 3 / 10), (2 * MaxColumn) + Gap + Box.Chrome);
        if (two - Box.Chrome < (2 * MinColumn) + Gap || Split(state, session, two - Box.Chrome, rows) is not { } split)
        {
            return one;
        }

        // No wider than the two columns' code needs: the rest goes to the objects and events.
        var n = session.Kernel.Program.Threads.Count;
        var need = Math.Max(MinColumn, Widest(session, 0, split)) + Gap + Math.Max(MinColumn, Widest(session, split, n)) + Box.Chrome;
        return Math.Max(Math.Min(two, need), one);
    }

    /// <summary>
    /// The left column's width inside a two-column panel <paramref name="w"/> wide: what its code needs when both
    /// columns' needs fit, else a share of the room in proportion to the needs; never under <see cref="MinColumn"/> either side.
    /// </summary>
    public static int LeftWidth(Session session, int split, int w)
    {
        var left = Widest(session, 0, split);
        var right = Widest(session, split, session.Kernel.Program.Threads.Count);
        var room = w - Gap;
        var share = left + right <= room ? left : room * left / Math.Max(1, left + right);
        return Math.Clamp(share, MinColumn, Math.Max(MinColumn, room - MinColumn));
    }

    /// <summary>The first thread of the right column when the threads go in two columns in <paramref name="w"/> x <paramref name="h"/> cells; null for one column.</summary>
    public static int? Split(TuiState state, Session session, int w, int h)
    {
        var n = session.Kernel.Program.Threads.Count;
        // A scrolled panel shows the threads from the wheel's place in one column, as before.
        if (n < 2 || w < (2 * MinColumn) + Gap || state.ThreadsScrolled > 0)
        {
            return null;
        }

        var rows = Rows(session);
        if (rows.Sum() <= h)
        {
            return null;
        }

        // The split that leaves the longer column shortest; the threads keep their order.
        int? best = null;
        var bestLonger = int.MaxValue;
        var left = 0;
        for (var split = 1; split < n; split++)
        {
            left += rows[split - 1];
            var longer = Math.Max(left, rows.Sum() - left);
            if (longer < bestLonger)
            {
                (best, bestLonger) = (split, longer);
            }
        }

        return best;
    }

    /// <summary>The two columns side by side, the left one padded to its width.</summary>
    public static List<string> Join(IReadOnlyList<string> left, IReadOnlyList<string> right, int columnWidth)
    {
        var lines = new List<string>(Math.Max(left.Count, right.Count));
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var l = i < left.Count ? left[i] : "";
            var pad = Math.Max(0, columnWidth - TextFit.Width(MarkupRuns.Plain(l)));
            lines.Add(l + new string(' ', pad + 1) + TextFit.Styled("│", Palette.Dim) + " " + (i < right.Count ? right[i] : ""));
        }

        return lines;
    }

    /// <summary>The widest listing of the threads from <paramref name="first"/> up to <paramref name="end"/>, capped at <see cref="MaxColumn"/>.</summary>
    private static int Widest(Session session, int first, int end)
    {
        var kernel = session.Kernel;
        var widest = 0;
        for (var t = first; t < end; t++)
        {
            widest = Math.Max(widest, new ThreadListing(kernel.Program, kernel.Program.Threads[t], null).Width);
        }

        return Math.Min(widest, MaxColumn);
    }

    /// <summary>
    /// The rows each thread wants with its whole listing: its name (a ready thread's state fits beside it, another's takes up
    /// to two lines more), its program (a thread running a program listed above it: the marked line).
    /// </summary>
    private static int[] Rows(Session session)
    {
        var kernel = session.Kernel;
        var threads = kernel.Program.Threads;
        var listings = new ThreadListing[threads.Count];
        var rows = new int[threads.Count];
        for (var t = 0; t < threads.Count; t++)
        {
            listings[t] = new ThreadListing(kernel.Program, threads[t], kernel.NextInstruction(t));
            var copy = Enumerable.Range(0, t).Any(u => listings[u].FirstLine == listings[t].FirstLine && listings[u].Count == listings[t].Count);
            var status = kernel.StatusOf(t);
            var code = status == ThreadStatus.Finished ? 0 : copy ? 1 : listings[t].Count;
            rows[t] = (status is ThreadStatus.Ready or ThreadStatus.Finished ? 1 : 3) + code;
        }

        return rows;
    }
}
