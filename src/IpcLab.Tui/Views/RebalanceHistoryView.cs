using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// What a consumer group's last rebalance moved, under its assignment in the objects panel:
/// <c>last rebalance (step 7): p1 fragile → steady · p0 worker-1 → nobody</c> (a partition that
/// had no owner comes "from nobody").
/// </summary>
internal static class RebalanceMoves
{
    public static void Add(Kernel kernel, ObjectInfo g, int width, List<string> lines)
    {
        var events = kernel.Events;
        var last = -1;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].Kind == EventKind.PartitionMoved && events[i].Object == g.Id)
            {
                last = i;
                break;
            }
        }

        if (last < 0)
        {
            return;
        }

        // One rebalance emits its moves in one step, one after the other (the partition is the event's Process field, as LogFields packs it).
        var step = events[last].Step;
        var first = last;
        while (first > 0 && events[first - 1].Step == step)
        {
            first--;
        }

        var moves = new List<string>();
        for (var i = first; i <= last; i++)
        {
            var e = events[i];
            if (e.Kind == EventKind.PartitionMoved && e.Object == g.Id)
            {
                moves.Add($"p{e.Process} {Owner(kernel, e.PeerProcess - 1)} → {Owner(kernel, e.Other)}");
            }
        }

        lines.Add(new MarkupLine(width).Add($"    last rebalance (step {step}): ", Palette.Dim).Add(string.Join(" · ", moves)).ToString());
    }

    private static string Owner(Kernel kernel, int thread) => thread >= 0 ? kernel.ThreadName(thread) : "nobody";
}
