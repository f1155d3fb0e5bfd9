using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// The messages in flight, one line a copy, saying where it is and what the learner needs about it
/// there: the steps of TTL it has left, how many times it was delivered, why it was dead-lettered:
/// <code>
/// ●1 "disk failure" kern.error · in the inbox, published by logger to logs
/// ●2 "mailbox full" mail.error · ready in errors · ttl 3 left
/// ●3 "kernel booted" kern · delivered to kernlog #1, unacked · delivery 1
/// ●4 "job 7" · ready in dead · dead-lettered: rejected (1x)
/// </code>
/// </summary>
internal static class InFlightLines
{
    public static MarkupLine Line(Kernel kernel, InFlight copy, int width, bool selected)
    {
        var m = copy.Message;
        var objects = kernel.Program.Objects;
        var line = new MarkupLine(width).Add(selected ? $"{Palette.SelectedMark} " : "  ", Palette.Prompt)
            .Add(copy.Mark, Palette.Changed).Add($" \"{m.Body}\"", selected ? Palette.Selected : Palette.Title).Add(m.Key.Length == 0 ? "" : $" {m.Key}", Palette.Dim);
        switch (m.Place)
        {
            case MessagePlace.Inbox:
                line.Add(" · in the inbox, ", Palette.Dim)
                    .Add(m.Deaths > 0 ? "dead-lettered " : m.Publisher >= 0 ? $"published by {kernel.ThreadName(m.Publisher)} " : "")
                    .Add($"to {objects[m.Exchange].Name}");
                break;
            case MessagePlace.Ready:
                line.Add(" · ready in ", Palette.Dim).Add(objects[copy.Queue].Name);
                if (m.Ttl > 0)
                {
                    var left = m.EnqueuedAt + m.Ttl - kernel.Clock;
                    line.Add(left > 0 ? $" · ttl {left} left" : " · expired (dropped at the head)", left > 0 ? Palette.Dim : Palette.Blocked);
                }

                line.Add(m.Deliveries > 0 ? $" · delivered {m.Deliveries}x, redelivered next" : "", Palette.Waiting);
                break;
            default:
                line.Add($" · delivered to ", Palette.Dim).Add($"{kernel.ThreadName(m.Consumer)} #{m.Tag}")
                    .Add(m.Place == MessagePlace.Pushed ? ", pushed, not taken yet" : ", unacked", Palette.Waiting)
                    .Add($" · delivery {m.Deliveries}", Palette.Dim);
                break;
        }

        if (m.Deaths > 0)
        {
            line.Add($" · dead-lettered: {m.LastDeath.Word()} ({m.Deaths}x)", Palette.Blocked);
        }

        return line;
    }
}
