using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// Each broker queue with its counts, and each of its consumers with its prefetch window and the
/// deliveries it holds unacknowledged:
/// <code>
/// ┏ errors · 1 ready · 1 unacked · acked 0 · ttl 5 · dlx dead
/// ┃ ready, head first: ●2 "mailbox full" · ●4 "disk full"
/// ┃ alerts manual acks · window 1 of prefetch 1 (full) · ●1 #1
/// ┗
/// </code>
/// The line of ready messages is drawn where the page has rows to spare (<paramref name="ready"/>
/// of <see cref="Lines"/>): the diagram's queue box has room for a few marks only.
/// </summary>
internal static class QueueCards
{
    /// <param name="ready">Whether each queue with ready messages lists them, head first, on a line of its own.</param>
    public static List<string> Lines(Kernel kernel, MessageLabels labels, int width, bool ready = false)
    {
        var lines = new List<string>();
        foreach (var q in kernel.Program.ObjectsOf(ObjectKind.BrokerQueue))
        {
            Add(kernel, labels, q, width, lines, ready);
        }

        return lines;
    }

    /// <summary>How many lines <see cref="Lines"/> adds when it lists the ready messages: one per queue that has any.</summary>
    public static int ReadyLines(Kernel kernel, MessageLabels labels) =>
        kernel.Program.ObjectsOf(ObjectKind.BrokerQueue).Count(q => labels.Ready(q.Id).Any());

    private static void Add(Kernel kernel, MessageLabels labels, ObjectInfo q, int width, List<string> lines, bool listReady)
    {
        var consumers = kernel.BrokerQueueConsumers(q.Id);
        var unacked = consumers.Sum(c => c.Held.Count);
        var (_, acked, _, lost) = kernel.BrokerQueueBooks(q.Id);
        var (ttl, expired) = kernel.BrokerQueueTtl(q.Id);
        var (max, _, dropped, refused) = kernel.BrokerQueueLimits(q.Id);
        var title = new MarkupLine(width).Add("┏ ", Palette.Dim).Add(q.Name, Palette.Title)
            .Add($" · {labels.Ready(q.Id).Count()} ready", Palette.Ready)
            .Add($" · {unacked} unacked", unacked > 0 ? Palette.Waiting : null)
            .Add($" · acked {acked}", Palette.Dim)
            .Add(ttl > 0 ? $" · ttl {ttl}" : "", Palette.Dim)
            .Add(expired > 0 ? $" · expired {expired}" : "", Palette.Blocked)
            .Add(max > 0 ? $" · max {max}" : "", Palette.Dim)
            .Add(dropped + refused > 0 ? $" · dropped {dropped} · refused {refused}" : "", Palette.Blocked)
            .Add(lost > 0 ? $" · lost {lost}" : "", Palette.Blocked)
            .Add(q.DeliveryLimit > 0 ? $" · delivery-limit {q.DeliveryLimit}" : "", Palette.Dim)
            .Add(q.DeadLetter is { } dl ? $" · dlx {kernel.Program.Objects[dl.ExchangeId].Name}" : "", Palette.Dim);
        lines.Add(title.ToString());
        var ready = labels.Ready(q.Id).ToArray();
        if (listReady && ready.Length > 0)
        {
            var line = new MarkupLine(width).Add("┃ ready, head first: ", Palette.Dim);
            for (var i = 0; i < ready.Length; i++)
            {
                line.Add(i == 0 ? "" : " · ", Palette.Dim).Add(ready[i].Mark, Palette.Changed).Add($" \"{ready[i].Message.Body}\"");
            }

            lines.Add(line.ToString());
        }

        foreach (var c in consumers)
        {
            var line = new MarkupLine(width).Add("┃ ", Palette.Dim).Add(kernel.ThreadName(c.Thread), Palette.Title);
            switch (c.Mode)
            {
                case ConsumerMode.AutoAck:
                    line.Add(" autoack (acknowledged on delivery)", Palette.Dim);
                    break;
                case ConsumerMode.ManualAck when c.Prefetch == 0:
                    line.Add($" manual acks · {c.Held.Count} unacked · prefetch ∞", Palette.Dim);
                    break;
                case ConsumerMode.ManualAck:
                    line.Add($" manual acks · window {c.Held.Count} of prefetch {c.Prefetch}", Palette.Dim)
                        .Add(c.Held.Count >= c.Prefetch ? " (full)" : "", Palette.Waiting);
                    break;
                case ConsumerMode.Cancelled:
                    line.Add($" cancelled (pushed nothing more) · {c.Held.Count} unacked", Palette.Dim);
                    break;
                default:
                    line.Add($" get · {c.Held.Count} unacked", Palette.Dim);
                    break;
            }

            foreach (var m in c.Held)
            {
                line.Add(" · ", Palette.Dim).Add(MessageLabels.Mark(labels.Of(MessagePath.BrokerOf(kernel, q.Id), m.Id)), Palette.Changed).Add($" #{m.Tag}");
            }

            if (kernel.WaitObjectOf(c.Thread) == q.Id)
            {
                line.Add(" · waiting", Palette.Waiting);
            }

            lines.Add(line.ToString());
        }

        lines.Add(TextFit.Styled("┗", Palette.Dim));
    }
}
