using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// A table of processed ids in the objects panel: how full it is, then the ids in the order they
/// were recorded (each a message handled once):
/// <code>
/// • table done: 2 of 8 ids · job 1, job 3
/// </code>
/// </summary>
internal static class IdempotenceView
{
    public static void AddTable(Kernel kernel, ObjectInfo table, StepChanges changes, int width, List<string> lines)
    {
        var ids = kernel.ProcessedIds(table.Id);
        var line = new MarkupLine(width)
            .Add(changes.Changed(table.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add("table ", Palette.Dim)
            .Add(table.Name, Palette.Title)
            .Add($": {ids.Length} of {table.Capacity} ids", Palette.Dim);
        if (ids.Length > 0)
        {
            line.Add(" · ", Palette.Dim).Add(string.Join(", ", ids.Select(id => kernel.Format(table.ValueKind, id))));
        }

        lines.Add(line.ToString());
    }
}
