using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// Topics and consumer groups in the objects panel. A topic shows each partition as a row of
/// offsets between its log start and log end (what retention deleted is the offsets before the
/// start; ✗ marks a record compaction removed), then, for each consumer group on it, its committed offset, the owner's position as a
/// marker in the row (›) and the lag (to the high-water mark ┊hwm of a replicated topic: what a consumer can read):
/// <code>
/// • topic orders: 2 partitions · retain 3 · produced 5
///     p0 [0..1 deleted] 2:"o3" ›3:"o5" 4:"o7" │end 5
///     (a topic of idempotent producers stamps each record with its producer and sequence: 0:"o1"·shop#0)
///        billing: worker-1 at 3 · committed 2 · lag 3
///   consumers billing on orders: lag 4 · 2 members · rebalance 2
///   (a group declared `assignor roundrobin` says so after its members: · round-robin ·)
///     worker-1: p0 · worker-2: p1
///     rebalance 2 · step 3 · worker-2 joins
///       before worker-1: p0, p1
///       after  worker-1: p0 · worker-2: p1
///       moved  p1 worker-1 → worker-2
/// </code>
/// (the group's rebalances, the last three, oldest first: see <see cref="RebalanceHistoryView"/>)
/// </summary>
internal static class LogView
{
    public static void AddTopic(Kernel kernel, ObjectInfo topic, StepChanges changes, int width, List<string> lines)
    {
        var partitions = kernel.TopicPartitions(topic.Id);
        var replicas = kernel.TopicReplicas(topic.Id);
        var groups = kernel.Program.Objects.Where(g => g.Kind == ObjectKind.ConsumerGroup && ConsumerGroupSettings.Of(g).TopicId == topic.Id).ToArray();
        var produced = partitions.Sum(p => p.End);
        var expire = TopicSettings.ExpireOf(topic) is var steps and > 0 ? $" · expire {steps}" : "";
        lines.Add(Start(topic, changes, width, "topic")
            .Add($": {Plural(partitions.Length, "partition")} · retain {topic.Capacity}{expire} · produced {produced}{(TopicSettings.IdempotentProducers(topic) ? " · idempotent producers" : "")}{ReplicaRows.Title(topic)}", Palette.Dim).ToString());
        for (var p = 0; p < partitions.Length; p++)
        {
            var part = partitions[p];
            var positions = groups.Select(g => kernel.ConsumerGroupPartitions(g.Id)[p]).Where(gp => gp.Owner >= 0).Select(gp => gp.Position).ToHashSet();
            var row = new MarkupLine(width).Add($"    p{p} ", Palette.Dim);
            var hwm = ReplicaRows.HighWaterMark(replicas, p);
            if (part.Start > 0)
            {
                row.Add(part.Start == 1 ? "[0 deleted] " : $"[0..{part.Start - 1} deleted] ", Palette.Dim);
            }

            foreach (var r in part.Records)
            {
                var key = r.Key >= 0 ? kernel.Strings[r.Key] + "=" : "";
                row.Add(ReplicaRows.Marker(hwm, r.Offset), Palette.Marker).Add(positions.Contains(r.Offset) ? "›" : "", Palette.Marker).Add($"{r.Offset}:", Palette.Dim);
                row.Add(r.Compacted ? $"✗{key}{kernel.Format(topic.ValueKind, r.Value)}" : key + kernel.Format(topic.ValueKind, r.Value), r.Compacted ? Palette.Dim : null);
                row.Add(r.Producer >= 0 ? $"·{kernel.ThreadName(r.Producer)}#{r.Sequence} " : " ", Palette.Dim);
            }

            row.Add(ReplicaRows.Marker(hwm, part.End), Palette.Marker).Add(positions.Contains(part.End) ? "›" : "", Palette.Marker).Add($"│end {part.End}", Palette.Dim);
            lines.Add(row.ToString());
            ReplicaRows.Add(kernel, topic, replicas, p, width, lines);
            foreach (var g in groups)
            {
                var gp = kernel.ConsumerGroupPartitions(g.Id)[p];
                var owner = gp.Owner >= 0 ? $"{kernel.ThreadName(gp.Owner)} at {gp.Position}" : "no owner";
                var committed = gp.Committed >= 0 ? $"committed {gp.Committed}" : "nothing committed";
                var lag = Lag(part, hwm, gp.Committed);
                lines.Add(new MarkupLine(width).Add($"       {g.Name}: ", Palette.Dim).Add(owner).Add($" · {committed} · lag {lag}", Palette.Dim).ToString());
            }
        }
    }

    public static void AddConsumerGroup(Kernel kernel, ObjectInfo g, StepChanges changes, int width, List<string> lines)
    {
        var settings = ConsumerGroupSettings.Of(g);
        var topic = kernel.Program.Objects[settings.TopicId];
        var members = kernel.ConsumerGroupMembers(g.Id);
        var partitions = kernel.ConsumerGroupPartitions(g.Id);
        var logs = kernel.TopicPartitions(topic.Id);
        var replicas = kernel.TopicReplicas(topic.Id);
        var lag = partitions.Select((gp, p) => Lag(logs[p], ReplicaRows.HighWaterMark(replicas, p), gp.Committed)).Sum();
        var title = Start(g, changes, width, "consumers")
            .Add($" on {topic.Name}: lag {lag} · {Plural(members.Length, "member")}{(settings.Assignor == Assignor.RoundRobin ? " · round-robin" : "")} · rebalance {kernel.ConsumerGroupGeneration(g.Id)}", Palette.Dim);
        var waiters = kernel.WaitersOf(g.Id);
        if (waiters.Count > 0)
        {
            title.Add(" · polling: ", Palette.Dim).Add(string.Join(", ", waiters.Select(kernel.ThreadName)), Palette.Blocked);
        }

        lines.Add(title.ToString());
        if (members.Length > 0)
        {
            RebalanceHistoryView.AddAssignment(lines, kernel, "    ", members, [.. partitions.Select(gp => gp.Owner)], width);
        }

        RebalanceHistoryView.Add(kernel, g, width, lines);
    }

    /// <summary>What the group has still to read in the partition: from its committed offset (or the log start) to the high-water mark, as <c>lag(GROUP)</c> counts.</summary>
    private static long Lag(LogPartition part, long hwm, long committed) =>
        Math.Max(0, (hwm >= 0 ? hwm : part.End) - (committed >= 0 ? committed : part.Start));

    private static string Plural(long n, string word) => n == 1 ? $"{n} {word}" : $"{n} {word}s";

    private static MarkupLine Start(ObjectInfo o, StepChanges changes, int width, string word) =>
        new MarkupLine(width)
            .Add(changes.Changed(o.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add(word + " ", Palette.Dim)
            .Add(o.Name, Palette.Title);
}
