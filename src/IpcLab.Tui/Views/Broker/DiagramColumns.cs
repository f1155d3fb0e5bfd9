namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// The widths of the diagram's columns, the same for every exchange so that the boxes line up:
/// who publishes, the publish edge (room for the marks of the messages on it), the exchange box,
/// the binding keys, the queue box (room for its ready marks); the consumers take the rest.
/// </summary>
internal sealed record DiagramColumns(int Source, int PublishEdge, int Exchange, int Key, int Queue)
{
    /// <summary>The cells kept for marks on an edge and in a queue box, whatever is there now, so that the boxes stay put from step to step.</summary>
    public const int MarkRoom = 6;

    public static DiagramColumns Of(IReadOnlyList<DiagramGroup> groups) => new(
        Math.Max(1, groups.SelectMany(g => g.Sources).Select(s => TextFit.Width(s.Name)).DefaultIfEmpty(0).Max()),
        MarkRoom + 4,
        groups.Select(g => Math.Max(TextFit.Width(g.Name), TextFit.Width(g.Type) + 2)).DefaultIfEmpty(0).Max() + 2,
        groups.SelectMany(g => g.Rows).Select(r => TextFit.Width(r.Key)).DefaultIfEmpty(0).Max(),
        groups.SelectMany(g => g.Rows).Select(r => TextFit.Width(r.Queue)).DefaultIfEmpty(0).Max() + MarkRoom + 3);

    /// <summary>"●1●4", or as many as fit in <see cref="MarkRoom"/> and how many more: "●1●2+5".</summary>
    public static string Marks(IReadOnlyList<InFlight> messages)
    {
        var marks = "";
        for (var i = 0; i < messages.Count; i++)
        {
            var more = i + 1 < messages.Count ? $"+{messages.Count - i - 1}" : "";
            if (TextFit.Width(marks + messages[i].Mark + more) > MarkRoom)
            {
                return marks + $"+{messages.Count - i}";
            }

            marks += messages[i].Mark;
        }

        return marks;
    }
}
