using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// The broker's objects in the objects panel:
/// <code>
/// • broker rabbit: published 4 · unroutable 1 · returned 0
///     inbox → ●3 "kernel booted" kern
/// • exchange logs (topic): routed 3 · unroutable 1
///     ✓ "*.error" → errors
///       "kern.#" → kernel
/// • bqueue errors: 1 ready · 1 unacked · acked 0
///     ready → ●2 "mailbox full" mail.error
///     alerts prefetch 1 · unacked [#1 ●1 "disk failure"]
/// </code>
/// Each message carries its number on the broker page (●N, <see cref="Broker.MessageLabels"/>):
/// ] and [ choose one (<see cref="StepChanges.ChosenMessage"/>, drawn "›●N" inverted), and x, or
/// a click on it, opens its path.
/// An exchange's routing table marks with ✓ the bindings that matched the last message it routed.
/// In a queue with a TTL each ready message shows the steps it has left ("expired" once past:
/// it is dropped when it reaches the head).
/// A ready message that was delivered before shows "redelivered"; a consumer's held messages show
/// their delivery tags, and those pushed but not yet taken by its program are marked "pushed".
/// </summary>
internal static class BrokerView
{
    public static void Add(Kernel kernel, ObjectInfo o, StepChanges changes, int width, List<string> lines)
    {
        switch (o.Kind)
        {
            case ObjectKind.Broker:
                AddBroker(kernel, o, changes, width, lines);
                break;
            case ObjectKind.Exchange:
                AddExchange(kernel, o, changes, width, lines);
                break;
            default:
                AddQueue(kernel, o, changes, width, lines);
                break;
        }
    }

    private static void AddBroker(Kernel kernel, ObjectInfo b, StepChanges changes, int width, List<string> lines)
    {
        var (published, unroutable, returned) = kernel.BrokerBooks(b.Id);
        lines.Add(Start(b, changes, width, "broker").Add($": published {published} · unroutable {unroutable} · returned {returned}").ToString());
        if (Broker.BrokerDownNotice.Line(kernel, width) is { } down)
        {
            lines.Add(down);
        }

        var inbox = kernel.BrokerInbox(b.Id);
        if (inbox.Count > 0)
        {
            var labels = new Broker.MessageLabels(kernel);
            lines.Add(Messages(new MarkupLine(width).Add("    inbox → ", Palette.Dim), inbox, kernel, m => labels.Of(b.Id, m.Id), changes.ChosenMessage).ToString());
        }

        BrokerMapView.Add(kernel, changes, width, lines);
    }

    /// <summary>What a transient exchange or queue a restart lost says after its name.</summary>
    private const string Gone = " · GONE: transient, lost in the restart";

    private static void AddExchange(Kernel kernel, ObjectInfo x, StepChanges changes, int width, List<string> lines)
    {
        var (routed, unroutable, last) = kernel.ExchangeBooks(x.Id);
        var type = TypeWord((ExchangeType)(x.Initial & 0xF));
        // The default exchange's name already says what it is.
        var title = Start(x, changes, width, x.Name == DefaultExchange.Name ? "" : "exchange").Add($" ({type}): routed {routed} · unroutable {unroutable}");
        var gone = kernel.BrokerObjectIsGone(x.Id);
        lines.Add((gone ? title.Add(Gone, Palette.Blocked) : title).ToString());
        if (x.Bindings.Count == 0)
        {
            lines.Add(new MarkupLine(width).Add("    (no bindings: every message is unroutable)", Palette.Dim).ToString());
        }

        for (var i = 0; i < x.Bindings.Count; i++)
        {
            var binding = x.Bindings[i];
            var matched = (last & (1L << i)) != 0;

            // A binding with a lost end went with it in the restart.
            var lostBinding = gone || kernel.BrokerObjectIsGone(binding.Queue);
            var key = type switch
            {
                "fanout" => "(any key)",
                "headers" => $"\"{binding.Key}\" match {(binding.Match == HeadersMatch.All ? "all" : "any")}",
                _ => $"\"{binding.Key}\"",
            };
            lines.Add(new MarkupLine(width)
                .Add(matched ? "    ✓ " : "      ", Palette.Ready)
                .Add(key, matched ? Palette.Changed : null)
                .Add(" → ", Palette.Dim)
                .Add(kernel.Program.Objects[binding.Queue].Name)
                .Add(lostBinding ? " (binding gone)" : "", Palette.Dim)
                .ToString());
        }
    }

    private static void AddQueue(Kernel kernel, ObjectInfo q, StepChanges changes, int width, List<string> lines)
    {
        var ready = kernel.BrokerQueueReady(q.Id);
        var consumers = kernel.BrokerQueueConsumers(q.Id);
        var (_, acked, discarded, lost) = kernel.BrokerQueueBooks(q.Id);
        var unacked = consumers.Sum(c => c.Held.Count);
        var title = Start(q, changes, width, "bqueue").Add($": {ready.Count} ready · {unacked} unacked · acked {acked}");
        if (kernel.BrokerObjectIsGone(q.Id))
        {
            title.Add(Gone, Palette.Blocked);
        }

        if (discarded > 0)
        {
            title.Add($" · discarded {discarded}");
        }

        if (lost > 0)
        {
            title.Add($" · lost {lost}", Palette.Blocked);
        }

        var (max, overflow, dropped, refused) = kernel.BrokerQueueLimits(q.Id);
        if (max > 0)
        {
            title.Add($" · max {max} {overflow switch { OverflowMode.DropHead => "drop-head", OverflowMode.RejectPublish => "reject-publish", _ => "reject-publish-dlx" }}", Palette.Dim);
        }

        if (dropped + refused > 0)
        {
            title.Add(overflow == OverflowMode.DropHead ? $" · dropped {dropped}" : $" · refused {refused}", Palette.Blocked);
        }

        var (ttl, expired) = kernel.BrokerQueueTtl(q.Id);
        if (ttl > 0)
        {
            title.Add($" · ttl {ttl}", Palette.Dim).Add(expired > 0 ? $" · expired {expired}" : "", Palette.Blocked);
        }

        if (q.DeliveryLimit > 0)
        {
            title.Add($" · delivery-limit {q.DeliveryLimit}", Palette.Dim);
            var poisoned = kernel.BrokerQueuePoisoned(q.Id);
            title.Add(poisoned > 0 ? $" · poisoned {poisoned}" : "", Palette.Blocked);
        }

        if (q.DeadLetter is { } dl)
        {
            title.Add($" · dlx {kernel.Program.Objects[dl.ExchangeId].Name}" + (dl.Key is { } key ? $" dlkey \"{key}\"" : ""), Palette.Dim);
        }

        lines.Add(title.ToString());
        var labels = new Broker.MessageLabels(kernel);
        var broker = MessagePath.BrokerOf(kernel, q.Id);
        lines.Add(Messages(new MarkupLine(width).Add("    ready → ", Palette.Dim), ready, kernel, m => labels.Of(broker, m.Id), changes.ChosenMessage).ToString());
        foreach (var c in consumers)
        {
            var line = new MarkupLine(width).Add("    ").Add(kernel.ThreadName(c.Thread), Palette.Title).Add(c.Mode switch
            {
                ConsumerMode.AutoAck => " autoack",
                ConsumerMode.ManualAck => c.Prefetch == 0 ? " prefetch ∞" : $" prefetch {c.Prefetch}",
                ConsumerMode.Cancelled => " cancelled",
                _ => " (get)",
            }, Palette.Dim);
            line.Add(" · unacked [", Palette.Dim);
            for (var i = 0; i < c.Held.Count; i++)
            {
                var m = c.Held[i];
                line.Add((i == 0 ? "" : ", ") + $"#{m.Tag} ");
                Labelled(line, labels.Of(broker, m.Id), changes.ChosenMessage, m.Body).Add(m.Place == MessagePlace.Pushed ? " pushed" : "", Palette.Dim);

                // With a delivery limit, how close each delivery is to making it a poison message.
                if (q.DeliveryLimit > 0)
                {
                    line.Add($" delivery {m.Deliveries}", m.Deliveries > q.DeliveryLimit ? Palette.Blocked : Palette.Dim);
                }
            }

            line.Add("]", Palette.Dim);
            if (kernel.WaitObjectOf(c.Thread) == q.Id)
            {
                line.Add(" waiting", Palette.Waiting);
            }

            lines.Add(line.ToString());
        }
    }

    /// <summary>"●2 "body"", or "›●2 "body"" inverted when it is the chosen message.</summary>
    private static MarkupLine Labelled(MarkupLine line, int label, int chosen, string body)
    {
        if (label > 0 && label == chosen)
        {
            return line.Add(Palette.SelectedMark, Palette.Prompt).Add($"{Broker.MessageLabels.Mark(label)} \"{body}\"", Palette.Selected);
        }

        return line.Add(label > 0 ? Broker.MessageLabels.Mark(label) + " " : "", Palette.Changed).Add($"\"{body}\"");
    }

    private static MarkupLine Messages(MarkupLine line, IReadOnlyList<BrokerMessageInfo> messages, Kernel kernel, Func<BrokerMessageInfo, int> label, int chosen)
    {
        if (messages.Count == 0)
        {
            return line.Add("(empty)", Palette.Dim);
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            Labelled(line.Add(i == 0 ? "" : ", "), label(m), chosen, m.Body).Add($" {m.Key}", Palette.Dim);
            if (m.Place == MessagePlace.Ready && m.Deliveries > 0)
            {
                line.Add(m.Deliveries > 1 ? $" redelivered ({m.Deliveries} deliveries)" : " redelivered", Palette.Waiting);
            }

            if (m.Deaths > 0)
            {
                line.Add($" dead {m.LastDeath.Word()}" + (m.Deaths > 1 ? $" x{m.Deaths}" : ""), Palette.Waiting);
            }

            // The queue's TTL or the message's own, whichever is lower (a held copy's TTL no longer runs).
            if (m.Ttl > 0 && m.Place == MessagePlace.Ready)
            {
                var left = m.EnqueuedAt + m.Ttl - kernel.Clock;
                line.Add(left > 0 ? $" ttl {left}" : " expired", left > 0 ? Palette.Dim : Palette.Blocked);
            }

            if (m.Place == MessagePlace.Inbox)
            {
                line.Add($" to {kernel.Program.Objects[m.Exchange].Name}", Palette.Dim);
            }
        }

        return line;
    }

    private static string TypeWord(ExchangeType type) => type.ToString().ToLowerInvariant();

    private static MarkupLine Start(ObjectInfo o, StepChanges changes, int width, string word) =>
        new MarkupLine(width)
            .Add(changes.Changed(o.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add(word.Length == 0 ? "" : word + " ", Palette.Dim)
            .Add(o.Name, Palette.Title);
}
