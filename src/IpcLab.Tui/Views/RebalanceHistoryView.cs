using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// A consumer group's rebalances under its assignment in the objects panel, oldest first, the
/// last <see cref="Shown"/> of them (a line says how many came before). Each says what set it off,
/// the assignment before and after, and which partitions changed owner:
/// <code>
///     +1 earlier rebalance
///     rebalance 2 · step 3 · steady joins
///       before fragile: p0, p1
///       after  fragile: p0 · steady: p1
///       moved  p1 fragile → steady
/// </code>
/// (partitions that went the same way are listed together: <c>moved  p0, p1 ann → bob</c>)
/// The one the last step made is marked. It is read back from the run's events (see
/// <see cref="Kernel.ConsumerGroupRebalances"/>), so stepping back takes it back too.
/// </summary>
internal static class RebalanceHistoryView
{
    /// <summary>At most this many rebalances, so three fit the objects panel at 120x40 with the topic's rows.</summary>
    public const int Shown = 3;

    private const string MovedIndent = "             ";

    public static void Add(Kernel kernel, ObjectInfo g, int width, List<string> lines)
    {
        var history = kernel.ConsumerGroupRebalances(g.Id);
        var earlier = kernel.ConsumerGroupGeneration(g.Id) - Math.Min(Shown, history.Length);
        if (earlier > 0)
        {
            lines.Add(new MarkupLine(width).Add($"    +{earlier} earlier rebalance{(earlier == 1 ? "" : "s")}", Palette.Dim).ToString());
        }

        foreach (var entry in history.TakeLast(Shown))
        {
            var now = entry.Step == kernel.StepCount;
            lines.Add(new MarkupLine(width)
                .Add(now ? $"  {Palette.ChangedMark} " : "    ", Palette.Changed)
                .Add($"rebalance {entry.Generation}", Palette.Title)
                .Add($" · step {entry.Step} · ", Palette.Dim)
                .Add(string.Join(", ", entry.Triggers.Select(t => Trigger(kernel, t))))
                .ToString());
            AddAssignment(lines, kernel, "      before ", entry.MembersBefore, entry.OwnersBefore, width);
            AddAssignment(lines, kernel, "      after  ", entry.MembersAfter, entry.OwnersAfter, width);
            var moved = Moved(kernel, entry.Moves, width - MovedIndent.Length);
            for (var i = 0; i < moved.Count; i++)
            {
                lines.Add(new MarkupLine(width).Add(i == 0 ? "      moved  " : MovedIndent, Palette.Dim).Add(moved[i]).ToString());
            }
        }
    }

    /// <summary>"p0, p1 ann → bob · p2 bob → cat" (the partitions that went the same way together), cut between moves to lines of <paramref name="width"/>; "nothing" when none moved.</summary>
    private static List<string> Moved(Kernel kernel, IReadOnlyList<PartitionMove> moves, int width)
    {
        if (moves.Count == 0)
        {
            return ["nothing"];
        }

        var lines = new List<string> { "" };
        foreach (var text in moves.GroupBy(m => (m.From, m.To)).SelectMany(way => Texts(kernel, [.. way], width)))
        {
            if (lines[^1].Length == 0)
            {
                lines[^1] = text;
            }
            else if (TextFit.Width(lines[^1]) + 3 + TextFit.Width(text) <= width)
            {
                lines[^1] += " · " + text;
            }
            else
            {
                lines.Add(text);
            }
        }

        return lines;
    }

    /// <summary>"p0, p1 ann → bob" for partitions that went the same way, or one text a partition when that is wider than a line.</summary>
    private static IEnumerable<string> Texts(Kernel kernel, PartitionMove[] way, int width)
    {
        var fromTo = $" {Owner(kernel, way[0].From)} → {Owner(kernel, way[0].To)}";
        var together = string.Join(", ", way.Select(m => $"p{m.Partition}")) + fromTo;
        return TextFit.Width(together) <= width ? [together] : way.Select(m => $"p{m.Partition}{fromTo}");
    }

    /// <summary>
    /// The assignment after <paramref name="label"/>: "a: p0, p2 · b: p1 · c: (no partition)", or
    /// "(no member)"; cut between members onto lines that start under the first one.
    /// </summary>
    public static void AddAssignment(List<string> lines, Kernel kernel, string label, IReadOnlyList<int> members, IReadOnlyList<int> owners, int width)
    {
        var line = new MarkupLine(width).Add(label, Palette.Dim);
        if (members.Count == 0)
        {
            lines.Add(line.Add("(no member)", Palette.Dim).ToString());
            return;
        }

        for (var i = 0; i < members.Count; i++)
        {
            var name = kernel.ThreadName(members[i]) + ": ";
            var owned = Enumerable.Range(0, owners.Count).Where(p => owners[p] == members[i]).Select(p => $"p{p}").ToArray();
            var partitions = owned.Length == 0 ? "(no partition)" : string.Join(", ", owned);
            var separator = i == 0 ? "" : " · ";
            if (i > 0 && line.Room < TextFit.Width(separator + name + partitions))
            {
                lines.Add(line.ToString());
                line = new MarkupLine(width).Add(new string(' ', TextFit.Width(label)));
                separator = "";
            }

            line.Add(separator + name).Add(partitions, Palette.Dim);
        }

        lines.Add(line.ToString());
    }

    /// <summary>"steady joins", "fragile leaves", "fragile has crashed", "worker has ended".</summary>
    private static string Trigger(Kernel kernel, RebalanceTrigger t) => kernel.ThreadName(t.Thread) + t.Cause switch
    {
        RebalanceCause.Joined => " joins",
        RebalanceCause.Left => " leaves",
        RebalanceCause.Crashed => " has crashed",
        _ => " has ended",
    };

    private static string Owner(Kernel kernel, int thread) => thread >= 0 ? kernel.ThreadName(thread) : "nobody";
}
