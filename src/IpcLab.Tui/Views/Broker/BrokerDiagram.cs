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
/// in the last step is drawn highlighted. A queue the next exchange binds too is one box with an
/// edge from each exchange (see <see cref="Join"/>):
/// <code>
///                  ╭──────╮              ┏━━━━━━━━━━┓
///   web ─────────▶ │ shop ├─ order  ─┬─▶ ┃ orders   ┃ ────▶ packer
///                  ╰direct╯          │   ┗━━━━━━━━━━┛
///                  ╭──────╮          │
///   admin ───────▶ │ all  ├─ (any)  ─┘
///                  ╰fanout╯
/// </code>
/// Where that does not fit (a queue bound by exchanges further apart), the queue is drawn with its
/// messages once, under the first exchange; the later rows say "(as above)".
/// </summary>
internal static class BrokerDiagram
{
    public static List<string> Lines(Kernel kernel, MessageLabels labels, StepChanges changes, int width)
    {
        var groups = Join(Groups(kernel, labels, changes));
        var lines = new List<string>();
        if (groups.Count == 0)
        {
            lines.Add(TextFit.Styled("(no exchanges)", Palette.Dim));
            return lines;
        }

        var c = DiagramColumns.Of(groups);
        string? down = null;
        foreach (var g in groups)
        {
            down = AddGroup(g, c, width, lines, down);
            if (g.Alternate is { } alternate)
            {
                var edge = g.AlternateLit ? Palette.Changed : Palette.Dim;
                lines.Add(new MarkupLine(width).PadTo(c.Source + 1 + c.PublishEdge + 3).Add("└─ no match ───▶ ", edge)
                    .Add(alternate, Palette.Title).Add(" (alternate exchange)", Palette.Dim).ToString());
            }
        }

        return lines;
    }

    /// <summary>
    /// Where a queue is bound by an exchange and by the one drawn right under it, the lower one's
    /// edge goes up into the queue's row above instead of a second row "(as above)": the queue is
    /// the last row of the upper exchange and the edge the first of the lower one, so the edge
    /// crosses no other. Only for one such queue per pair, and not past an alternate exchange's
    /// line; any other repeat stays "(as above)".
    /// </summary>
    private static List<DiagramGroup> Join(List<DiagramGroup> groups)
    {
        for (var i = 1; i < groups.Count; i++)
        {
            var (above, below) = (groups[i - 1], groups[i]);
            var repeated = below.Rows.Where(r => r.Repeated).ToArray();
            if (above.Alternate is not null || repeated.Length != 1
                || above.Rows.FirstOrDefault(r => !r.Repeated && r.Queue == repeated[0].Queue) is not { } shared)
            {
                continue;
            }

            var edge = repeated[0] with { JoinsAbove = true };
            groups[i - 1] = above with { Rows = [.. above.Rows.Where(r => !ReferenceEquals(r, shared)), shared with { JoinedBelow = true, LitBelow = edge.Lit }] };
            groups[i] = below with { Rows = [edge, .. below.Rows.Where(r => !ReferenceEquals(r, repeated[0]))] };
        }

        return groups;
    }

    /// <summary>Draws one exchange; <paramref name="up"/> is the style of an edge coming up through it from its first row (null: none). Returns the style of the edge its last row takes from the exchange below, or null.</summary>
    private static string? AddGroup(DiagramGroup g, DiagramColumns c, int width, List<string> lines, string? up)
    {
        var left = c.Source + 1 + c.PublishEdge + 1;
        var keyEdge = c.Key + 8;
        var boxLeft = left + c.Exchange + 2 + keyEdge;

        // The column of an edge between two exchanges: the middle of " ───▶ ".
        var vertical = left + c.Exchange + 4 + c.Key + 2;
        var boxed = g.Rows.Where(r => !r.JoinsAbove).ToArray();
        var down = g.Rows.Count > 0 && g.Rows[^1].JoinedBelow ? (g.Rows[^1].LitBelow ? Palette.Changed : Palette.Dim) : null;
        var top = new MarkupLine(width).PadTo(left).Add("╭" + new string('─', c.Exchange) + "╮", Palette.Dim);
        if (up is not null)
        {
            top.PadTo(vertical).Add("│", up);
        }

        var boxTop = "┏" + new string('━', c.Queue) + "┓";
        lines.Add(top.PadTo(boxLeft).Add(boxed.Length > 0 && up is null ? boxTop : "", Palette.Dim).ToString());
        var rows = Math.Max(1, Math.Max(g.Rows.Count, g.Sources.Count));
        for (var i = 0; i < rows; i++)
        {
            if (i == 1 && up is not null && boxed.Length > 0)
            {
                // The queues' box starts under the edge that went up.
                lines.Add(new MarkupLine(width).PadTo(left).Add("│" + new string(' ', c.Exchange) + "│", Palette.Dim).PadTo(boxLeft).Add(boxTop, Palette.Dim).ToString());
            }

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
                if (down is not null)
                {
                    line.PadTo(vertical).Add("│", down);
                }

                lines.Add(line.ToString());
                continue;
            }

            AddRow(g.Rows[i], c, left, line);
            lines.Add(line.ToString());
        }

        var bottom = new MarkupLine(width).PadTo(left)
            .Add("╰" + TextFit.Fit(g.Type, c.Exchange) + new string('─', Math.Max(0, c.Exchange - TextFit.Width(g.Type))) + "╯", Palette.Dim);
        if (down is not null)
        {
            bottom.PadTo(vertical).Add("│", down);
        }

        lines.Add(bottom.PadTo(boxLeft).Add(boxed.Length > 0 ? "┗" + new string('━', c.Queue) + "┛" : "", Palette.Dim).ToString());
        return down;
    }

    private static void AddRow(DiagramRow r, DiagramColumns c, int left, MarkupLine line)
    {
        var routed = r.Lit ? Palette.Changed : Palette.Dim;
        line.Add("├─ ", Palette.Dim).Add(TextFit.Pad(r.Key, c.Key), r.Lit ? Palette.Changed : null);
        if (r.JoinsAbove)
        {
            // Up into the queue's row in the exchange above.
            line.Add(" ─┘", routed);
            return;
        }

        if (r.JoinedBelow)
        {
            line.Add(" ─", routed).Add("┬", r.LitBelow ? Palette.Changed : Palette.Dim).Add("─▶ ", r.Lit || r.LitBelow ? Palette.Changed : Palette.Dim);
        }
        else
        {
            line.Add(" ───▶ ", routed);
        }

        line.Add("┃", Palette.Dim).Add(" " + r.Queue, r.Repeated ? Palette.Dim : Palette.Title);
        var ready = r.Repeated ? "" : DiagramColumns.Marks(r.Ready);
        line.Add(ready.Length == 0 ? "" : " " + ready, Palette.Changed).PadTo(left + c.Exchange + 2 + c.Key + 8 + c.Queue + 1).Add("┃", Palette.Dim);
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
