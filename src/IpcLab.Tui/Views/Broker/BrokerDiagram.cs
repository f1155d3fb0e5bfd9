using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// The broker's topology drawn as a diagram, one box per exchange, one row per queue it binds
/// (every key that binds it on that row):
/// <code>
///                  ╭──────╮               ┏━━━━━━━━━━━┓
///   logger ─●3───▶ │ logs ├─ *.error ───▶ ┃ errors ●2 ┃ ─●1─▶ alerts
///                  │      ├─ kern.#  ───▶ ┃ kernel    ┃ ────▶ kernlog  ─dlx─▶ dead
///                  ╰topic─╯               ┗━━━━━━━━━━━┛
///                    └─ no match ───▶ strays (alternate exchange)
/// </code>
/// Each message in flight is a mark "●N" (N: <see cref="MessageLabels"/>) where it is: on the
/// publisher's edge while it waits in the inbox (published, not routed), in the queue's box while
/// ready, on the consumer's edge while delivered and unacknowledged, on a queue's edge back to its
/// dead-letter exchange while it waits in the inbox as a dead letter. An edge a message moved along
/// in the last step is drawn highlighted. A queue a second exchange binds too is drawn with its
/// messages once, under the first; the later rows say "(as above)".
/// </summary>
internal static class BrokerDiagram
{
    public static List<string> Lines(Kernel kernel, MessageLabels labels, StepChanges changes, int width)
    {
        var groups = Groups(kernel, labels, changes);
        var lines = new List<string>();
        if (groups.Count == 0)
        {
            lines.Add(TextFit.Styled("(no exchanges)", Palette.Dim));
            return lines;
        }

        var c = DiagramColumns.Of(groups);
        foreach (var g in groups)
        {
            AddGroup(g, c, width, lines);
            if (g.Alternate is { } alternate)
            {
                var edge = g.AlternateLit ? Palette.Changed : Palette.Dim;
                lines.Add(new MarkupLine(width).PadTo(c.Source + 1 + c.PublishEdge + 3).Add("└─ no match ───▶ ", edge)
                    .Add(alternate, Palette.Title).Add(" (alternate exchange)", Palette.Dim).ToString());
            }
        }

        return lines;
    }

    private static void AddGroup(DiagramGroup g, DiagramColumns c, int width, List<string> lines)
    {
        var rows = Math.Max(1, Math.Max(g.Rows.Count, g.Sources.Count));
        var left = c.Source + 1 + c.PublishEdge + 1;
        var keyEdge = c.Key + 8;
        var hasQueues = g.Rows.Count > 0;
        lines.Add(new MarkupLine(width).PadTo(left).Add("╭" + new string('─', c.Exchange) + "╮", Palette.Dim)
            .PadTo(left + c.Exchange + 2 + keyEdge).Add(hasQueues ? "┏" + new string('━', c.Queue) + "┓" : "", Palette.Dim).ToString());
        for (var i = 0; i < rows; i++)
        {
            var line = new MarkupLine(width);
            if (i < g.Sources.Count)
            {
                var s = g.Sources[i];
                var marks = DiagramColumns.Marks(s.Inbox);
                var edge = s.Lit ? Palette.Changed : Palette.Dim;
                line.Add(TextFit.Pad(s.Name, c.Source), Palette.Title).Add(" ─", edge).Add(marks, Palette.Changed)
                    .Add(new string('─', c.PublishEdge - 2 - TextFit.Width(marks)) + "▶ ", edge);
            }

            line.PadTo(left).Add("│", Palette.Dim).Add(TextFit.Pad(i == 0 ? $" {g.Name}" : "", c.Exchange), Palette.Title);
            if (i >= g.Rows.Count)
            {
                line.Add("│", Palette.Dim).Add(g.Rows.Count == 0 && i == 0 ? "  (no bindings: every message is unroutable)" : "", Palette.Dim);
                lines.Add(line.ToString());
                continue;
            }

            var r = g.Rows[i];
            var routed = r.Lit ? Palette.Changed : Palette.Dim;
            line.Add("├─ ", Palette.Dim).Add(TextFit.Pad(r.Key, c.Key), r.Lit ? Palette.Changed : null)
                .Add(" ───▶ ", routed).Add("┃", Palette.Dim).Add(" " + r.Queue, r.Repeated ? Palette.Dim : Palette.Title);
            var ready = r.Repeated ? "" : DiagramColumns.Marks(r.Ready);
            line.Add(ready.Length == 0 ? "" : " " + ready, Palette.Changed).PadTo(left + c.Exchange + 2 + keyEdge + c.Queue + 1).Add("┃", Palette.Dim);
            if (r.Repeated)
            {
                line.Add(" (as above)", Palette.Dim);
            }

            foreach (var consumer in r.Repeated ? [] : r.Consumers)
            {
                var held = DiagramColumns.Marks(consumer.Held);
                var edge = consumer.Lit ? Palette.Changed : Palette.Dim;
                line.Add(" ─", edge).Add(held, Palette.Changed).Add(held.Length == 0 ? "───▶ " : "─▶ ", edge).Add(consumer.Name, Palette.Title);
            }

            if (!r.Repeated && r.Consumers.Count == 0)
            {
                line.Add("  (nobody takes)", Palette.Dim);
            }

            if (!r.Repeated && r.DeadLetter is { } dlx)
            {
                var dead = DiagramColumns.Marks(dlx.Waiting);
                var edge = dlx.Lit ? Palette.Changed : Palette.Dim;
                line.Add("  ─dlx", edge).Add(dead, Palette.Changed).Add("─▶ ", edge).Add(dlx.Exchange, Palette.Title);
            }

            lines.Add(line.ToString());
        }

        var bottom = "╰" + TextFit.Fit(g.Type, c.Exchange) + new string('─', Math.Max(0, c.Exchange - TextFit.Width(g.Type))) + "╯";
        lines.Add(new MarkupLine(width).PadTo(left).Add(bottom, Palette.Dim)
            .PadTo(left + c.Exchange + 2 + keyEdge).Add(hasQueues ? "┗" + new string('━', c.Queue) + "┛" : "", Palette.Dim).ToString());
    }

    private static List<DiagramGroup> Groups(Kernel kernel, MessageLabels labels, StepChanges changes)
    {
        var program = kernel.Program;
        var moves = Moves(kernel, changes);
        var groups = new List<DiagramGroup>();
        var drawn = new HashSet<int>();
        foreach (var x in program.ObjectsOf(ObjectKind.Exchange))
        {
            var inbox = labels.Inbox(x.Id).ToArray();
            var publishers = Publishers(program, x.Id);

            // A dead letter waits on the edge from the queue it died in, when that queue is drawn
            // with its messages; a published message on its publisher's edge; any other on the
            // first edge, or on an edge of its own when the exchange has no publisher.
            bool OnDeadLetterEdge(InFlight m) => m.Message.History.Count > 0
                && program.Objects[m.Message.History[0].Queue].DeadLetter?.ExchangeId == x.Id && Bound(program, m.Message.History[0].Queue);
            var published = inbox.Where(m => !OnDeadLetterEdge(m)).ToArray();
            var sources = publishers.Select((t, i) => new DiagramSource(
                program.Threads[t].Name,
                published.Where(m => Math.Max(0, Array.IndexOf(publishers, m.Message.Publisher)) == i).ToArray(),
                moves.Contains((Move.Publish, t, x.Id)))).ToList();
            if (publishers.Length == 0 && published.Length > 0)
            {
                sources.Add(new DiagramSource("(inbox)", published, false));
            }

            var type = (ExchangeType)(x.Initial & 0xF);
            var rows = new List<DiagramRow>();
            foreach (var queue in x.Bindings.Select(b => b.Queue).Distinct())
            {
                var q = program.Objects[queue];
                var keys = string.Join(", ", x.Bindings.Where(b => b.Queue == queue).Select(b => KeyText(type, b)));
                var consumers = Consumers(program, queue)
                    .Select(t => new DiagramConsumer(program.Threads[t].Name, labels.HeldBy(queue, t).ToArray(), moves.Contains((Move.Deliver, queue, t))))
                    .ToArray();
                var deadLetter = q.DeadLetter is { } target
                    ? new DiagramDeadLetter(
                        program.Objects[target.ExchangeId].Name,
                        labels.InFlight.Where(m => m.Queue < 0 && m.Message.Exchange == target.ExchangeId && m.Message.History.Count > 0 && m.Message.History[0].Queue == queue).ToArray(),
                        moves.Contains((Move.DeadLetter, queue, target.ExchangeId)))
                    : null;
                rows.Add(new DiagramRow(keys, q.Name, labels.Ready(queue).ToArray(), consumers, moves.Contains((Move.Route, x.Id, queue)), !drawn.Add(queue), deadLetter));
            }

            var alternate = x.Alternate is { } alt ? program.Objects[alt.ExchangeId] : null;
            groups.Add(new DiagramGroup(x.Name, type.ToString().ToLowerInvariant(), sources, rows, alternate?.Name, alternate is not null && moves.Contains((Move.Alternate, x.Id, alternate.Id))));
        }

        return groups;
    }

    /// <summary>The key of a binding as the diagram writes it: the pattern, "(any)" for a fanout, the arguments and x-match for headers.</summary>
    public static string KeyText(ExchangeType type, Binding b) => type switch
    {
        ExchangeType.Fanout => "(any)",
        ExchangeType.Headers => $"{b.Key} {(b.Match == HeadersMatch.All ? "all" : "any")}",
        _ => b.Key.Length == 0 ? "\"\"" : b.Key,
    };

    /// <summary>The edges messages moved along in the last step: (kind, from, to).</summary>
    private static HashSet<(Move, int, int)> Moves(Kernel kernel, StepChanges changes)
    {
        var moves = new HashSet<(Move, int, int)>();
        var events = kernel.Events;
        for (var i = changes.FirstEvent; i < events.Count; i++)
        {
            var e = events[i];
            switch (e.Kind)
            {
                case EventKind.MessagePublished:
                    moves.Add((Move.Publish, e.Thread, e.Object));
                    break;
                case EventKind.MessageRouted:
                    moves.Add((Move.Route, e.Other, e.Object));
                    break;
                case EventKind.MessagePushed or EventKind.MessageRedelivered:
                    moves.Add((Move.Deliver, e.Object, e.Other));
                    break;
                case EventKind.DeliveryTaken or EventKind.GetTook:
                    moves.Add((Move.Deliver, e.Object, e.Thread));
                    break;
                case EventKind.MessageDeadLettered when e.Other >= 0:
                    moves.Add((Move.DeadLetter, e.Object, e.Other));
                    break;
                case EventKind.MessageToAlternate:
                    moves.Add((Move.Alternate, e.Object, e.Other));
                    break;
            }
        }

        return moves;
    }

    /// <summary>True for a queue some exchange binds: the diagram draws it.</summary>
    private static bool Bound(CompiledProgram program, int queue) =>
        program.ObjectsOf(ObjectKind.Exchange).Any(x => x.Bindings.Any(b => b.Queue == queue));

    private static int[] Publishers(CompiledProgram program, int exchange) =>
        Enumerable.Range(0, program.Threads.Count).Where(t => program.Threads[t].Code.Any(i => i.Op == OpCode.BrokerPublish && i.A == exchange)).ToArray();

    private static int[] Consumers(CompiledProgram program, int queue) =>
        Enumerable.Range(0, program.Threads.Count).Where(t => program.Threads[t].Code.Any(i => i.Op is OpCode.Consume or OpCode.BrokerGet && i.A == queue)).ToArray();
}
