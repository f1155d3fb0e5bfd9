using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// Under the broker's books in the objects panel: where to find the topology (the broker page
/// draws it, with every message where it is), then the hops messages made in the last step, in
/// words, so that the panel says what moved without the page:
/// <code>
///     topology: x draws it (the broker page)
///     now "photo 1": studio ─"photo"▶ photos
/// </code>
/// The topology itself is not repeated here: one place draws it.
/// </summary>
internal static class BrokerMapView
{
    public static void Add(Kernel kernel, StepChanges changes, int width, List<string> lines)
    {
        lines.Add(TextFit.Styled(TextFit.Fit("    topology: x draws it (the broker page)", width), Palette.Dim));
        foreach (var hop in Hops(kernel, changes))
        {
            lines.Add(new MarkupLine(width).Add("    now ", Palette.Dim).Add($"\"{hop.Body}\": ", Palette.Changed).Add(hop.Text).ToString());
        }
    }

    /// <summary>What the last step moved, in the words of the map.</summary>
    private static List<Hop> Hops(Kernel kernel, StepChanges changes)
    {
        var hops = new List<Hop>();
        var events = kernel.Events;
        var objects = kernel.Program.Objects;
        for (var i = changes.FirstEvent; i < events.Count; i++)
        {
            var e = events[i];
            if (!MessagePath.IsHop(e.Kind))
            {
                continue;
            }

            var body = kernel.Strings[e.Value];
            switch (e.Kind)
            {
                case EventKind.MessagePublished:
                    hops.Add(new Hop(body, e.Object, -1, $"{kernel.ThreadName(e.Thread)} ▶ {objects[e.Object].Name}"));
                    break;
                case EventKind.MessageRouted:
                    hops.Add(new Hop(body, e.Other, e.Object, $"{objects[e.Other].Name} ─▶ {objects[e.Object].Name}"));
                    break;
                case EventKind.MessagePushed or EventKind.MessageRedelivered:
                    hops.Add(new Hop(body, -1, e.Object, $"{objects[e.Object].Name} ▶ {kernel.ThreadName(e.Other)}"));
                    break;
                case EventKind.MessageDeadLettered when e.Other >= 0:
                    hops.Add(new Hop(body, -1, e.Object, $"{objects[e.Object].Name} ─dlx▶ {objects[e.Other].Name}"));
                    break;
            }
        }

        return hops;
    }

    /// <summary>A message's hop in the last step: from exchange to queue, or one end of it unknown (-1).</summary>
    private sealed record Hop(string Body, int Exchange, int Queue, string Text);
}
