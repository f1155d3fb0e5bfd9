using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// A bounded queue drawn as its ring of slots, hand-built so the head and tail markers line up
/// under their cells (a second Table would not share the grid):
/// <code>
/// ┏━━━━━━━━━━┳━━━━━━━━━━┓
/// ┃ "job 1"  ┃          ┃
/// ┗━━━━━━━━━━┻━━━━━━━━━━┛
///  ▲ head     ▲ tail
/// </code>
/// Cell widths depend only on the capacity and the panel width, never on the contents, so the
/// strip does not jitter from one step to the next.
/// </summary>
internal static class QueueSlotsView
{
    private const int MinCell = 7;
    private const int MaxCell = 20;
    private const int MaxRows = 3;

    public static void Add(Kernel kernel, ObjectInfo queue, StepChanges changes, int width, List<string> lines)
    {
        var capacity = Math.Max(1, queue.Capacity);
        var items = kernel.QueueItems(queue.Id);
        var (head, tail) = kernel.QueueCounters(queue.Id);
        var title = new MarkupLine(width)
            .Add(changes.Changed(queue.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add(ObjectViews.WordOf(ObjectKind.BoundedQueue), Palette.Dim).Add(queue.Name, Palette.Title)
            .Add($": {items.Length}/{capacity} · head {head} · tail {tail}");
        if (changes.PutQueue == queue.Id && items.Length > 0)
        {
            title.Add($" · just put {kernel.Format(queue.ValueKind, items[^1])}", Palette.JustPut);
        }
        else if (changes.TookQueue == queue.Id)
        {
            title.Add($" · just took {kernel.Format(queue.ValueKind, changes.TookValue)}", Palette.Changed);
        }

        lines.Add(title.ToString());
        var room = width - 2;
        var cell = Math.Clamp(((room - 1) / capacity) - 1, MinCell, MaxCell);
        var perRow = Math.Max(1, Math.Min(capacity, (room - 1) / (cell + 1)));
        var rows = (capacity + perRow - 1) / perRow;
        if (rows > MaxRows || cell + 3 > room)
        {
            AddAsList(kernel, queue, items, width, lines);
            return;
        }

        var contents = new string?[capacity];
        for (var i = 0; i < items.Length; i++)
        {
            contents[(int)((head + i) % capacity)] = kernel.Format(queue.ValueKind, items[i]);
        }

        var justPut = changes.PutQueue == queue.Id ? (int)((tail - 1) % capacity) : -1;
        var justTaken = changes.TookQueue == queue.Id ? (int)((head - 1) % capacity) : -1;
        for (var r = 0; r < rows; r++)
        {
            var from = r * perRow;
            var to = Math.Min(capacity, from + perRow);
            lines.Add("  " + Border('┏', '┳', '┓', to - from, cell));
            lines.Add("  " + Cells(contents, from, to, cell, justPut, justTaken));
            lines.Add("  " + Border('┗', '┻', '┛', to - from, cell));
            lines.Add(TextFit.Styled("  " + Markers(from, to, cell, (int)(head % capacity), (int)(tail % capacity)), Palette.Dim));
        }
    }

    private static string Border(char left, char middle, char right, int count, int cell)
    {
        var sb = new StringBuilder().Append(left);
        for (var i = 0; i < count; i++)
        {
            sb.Append('━', cell).Append(i == count - 1 ? right : middle);
        }

        return sb.ToString();
    }

    private static string Cells(string?[] contents, int from, int to, int cell, int justPut, int justTaken)
    {
        var sb = new StringBuilder("┃");
        for (var i = from; i < to; i++)
        {
            var text = " " + TextFit.Pad(contents[i] ?? "", cell - 2) + " ";
            var style = i == justPut ? Palette.JustPut : i == justTaken ? Palette.JustTaken : null;
            sb.Append(TextFit.Styled(text, style)).Append('┃');
        }

        return sb.ToString();
    }

    private static string Markers(int from, int to, int cell, int headAt, int tailAt)
    {
        var sb = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var label = (i == headAt, i == tailAt) switch
            {
                (true, true) => cell >= 12 ? "▲ head, tail" : "▲ h, t",
                (true, false) => "▲ head",
                (false, true) => "▲ tail",
                _ => "",
            };
            sb.Append(' ').Append(TextFit.Pad(label, cell));
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>For a queue too long for slots at this width: its items in one line, head first.</summary>
    private static void AddAsList(Kernel kernel, ObjectInfo queue, long[] items, int width, List<string> lines)
    {
        var line = new MarkupLine(width).Add("  head → ", Palette.Dim);
        for (var i = 0; i < items.Length; i++)
        {
            line.Add((i == 0 ? "" : ", ") + kernel.Format(queue.ValueKind, items[i]));
        }

        lines.Add(line.Add(items.Length == 0 ? "(empty)" : " ← tail", Palette.Dim).ToString());
    }
}
