using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// The broker's map, under its books in the objects panel: one line per binding, from who
/// publishes to the exchange (or the queue that dead-letters into it), through the binding's key,
/// to the queue and who takes from it; then the hops messages made in the last step:
/// <code>
///     map web ▶ studio ─"photo"▶ photos ▶ model, fast
///         photos ─dlx▶ dead ─"stale"▶ stale_offers ▶ auditor
///     now "photo 1": studio ─"photo"▶ photos
/// </code>
/// The line a message moved along in the last step is drawn highlighted. Who publishes and who
/// takes are read from the program (every thread with a publish, a consume or a get), so the map
/// is there from step 0 and does not change while the run goes on.
/// </summary>
internal static class BrokerMapView
{
    public static void Add(Kernel kernel, StepChanges changes, int width, List<string> lines)
    {
        var program = kernel.Program;
        var hops = Hops(kernel, changes);
        var first = true;
        foreach (var x in program.ObjectsOf(ObjectKind.Exchange))
        {
            var sources = Publishers(program, x.Id).Concat(DeadLetterSources(program, x.Id)).ToArray();
            foreach (var b in x.Bindings)
            {
                // Each segment lights up when a message went along it in the last step.
                var published = hops.Any(h => h.Exchange == x.Id && h.Queue < 0) ? Palette.Changed : null;
                var routed = hops.Any(h => h.Exchange == x.Id && h.Queue == b.Queue) ? Palette.Changed : null;
                var taken = hops.Any(h => h.Exchange < 0 && h.Queue == b.Queue) ? Palette.Changed : null;
                var line = new MarkupLine(width).Add(first ? "    map " : "        ", Palette.Dim);
                first = false;
                line.Add(sources.Length == 0 ? "(nobody)" : string.Join(", ", sources), sources.Length == 0 ? Palette.Dim : published)
                    .Add(" ▶ ", published ?? Palette.Dim)
                    .Add(x.Name, Palette.Title)
                    .Add($" ─{Key((ExchangeType)(x.Initial & 0xF), b)}▶ ", routed ?? Palette.Dim)
                    .Add(program.Objects[b.Queue].Name, Palette.Title);
                var takers = Consumers(program, b.Queue);
                line.Add(" ▶ ", taken ?? Palette.Dim).Add(takers.Length == 0 ? "(nobody)" : string.Join(", ", takers), takers.Length == 0 ? Palette.Dim : taken);
                lines.Add(line.ToString());
            }
        }

        foreach (var hop in hops)
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

    private static string Key(ExchangeType type, Binding b) => type switch
    {
        ExchangeType.Fanout => "",
        ExchangeType.Headers => $"{b.Key} ({(b.Match == HeadersMatch.All ? "all" : "any")})",
        _ => $"\"{b.Key}\"",
    };

    private static string[] Publishers(CompiledProgram program, int exchange) =>
        program.Threads.Where(t => t.Code.Any(i => i.Op == OpCode.BrokerPublish && i.A == exchange)).Select(t => t.Name).ToArray();

    private static IEnumerable<string> DeadLetterSources(CompiledProgram program, int exchange) =>
        program.ObjectsOf(ObjectKind.BrokerQueue).Where(q => q.DeadLetter?.ExchangeId == exchange).Select(q => $"{q.Name} ─dlx");

    private static string[] Consumers(CompiledProgram program, int queue) =>
        program.Threads.Where(t => t.Code.Any(i => i.Op is OpCode.Consume or OpCode.BrokerGet && i.A == queue)).Select(t => t.Name).ToArray();

    /// <summary>A message's hop in the last step: from exchange to queue, or one end of it unknown (-1).</summary>
    private sealed record Hop(string Body, int Exchange, int Queue, string Text);
}
