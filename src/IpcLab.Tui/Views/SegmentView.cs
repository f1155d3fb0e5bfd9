using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// A shared-memory segment: which processes map it, then its words as "[i] value", as many on a
/// line as fit. The word the last step wrote is marked.
/// </summary>
internal static class SegmentView
{
    public static void Add(Kernel kernel, ObjectInfo segment, StepChanges changes, int width, List<string> lines)
    {
        var mappers = kernel.MappedBy(segment.Id);
        var head = new MarkupLine(width)
            .Add(changes.Changed(segment.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add(ObjectViews.WordOf(ObjectKind.SharedMemory), Palette.Dim)
            .Add(segment.Name, Palette.Title)
            .Add($" ({segment.Capacity} word{(segment.Capacity == 1 ? "" : "s")})", Palette.Dim);
        var mapped = mappers.Count == 0 ? "mapped by no process" : "mapped by " + string.Join(", ", mappers.Select(p => kernel.Program.Processes[p].Name));
        var style = mappers.Count == 0 ? Palette.Dim : Palette.Title;
        if (head.Room >= TextFit.Width(mapped) + 2)
        {
            lines.Add(head.Add(": ", Palette.Dim).Add(mapped, style).ToString());
        }
        else
        {
            // A narrow panel: who maps it goes on a line of its own rather than being cut.
            lines.Add(head.ToString());
            lines.Add(new MarkupLine(width).Add("    ").Add(mapped, style).ToString());
        }

        var words = kernel.SegmentWords(segment.Id);
        var line = new MarkupLine(width).Add("    ");
        for (var i = 0; i < words.Length; i++)
        {
            var cell = $"[{i}] {words[i]}";
            if (line.Room < TextFit.Width(cell) + 2 && line.Used > 4)
            {
                lines.Add(line.ToString());
                line = new MarkupLine(width).Add("    ");
            }

            var written = changes.StoredWord == (segment.Id, i);
            line.Add(cell, written ? Palette.Changed : Palette.Title).Add("  ");
        }

        lines.Add(line.ToString());
    }
}
