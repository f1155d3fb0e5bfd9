using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// What a replicated topic adds to its rows in the objects panel: its replication in the title,
/// the high-water mark as a marker in each partition's row of offsets (a consumer reads only what
/// is before it), and under the row each replica's log end, the leader and the ISR:
/// <code>
/// • topic orders: 1 partition · retain 8 · produced 3 · replicas 3 · minisr 2
///     p0 0:"o1" 1:"o2" ┊hwm 2:"o3" │end 3
///        replicas: orders-1 leader end 3 · orders-2 end 2 · orders-3 down (end 1) · ISR {1,2} · epoch 0
/// </code>
/// </summary>
internal static class ReplicaRows
{
    /// <summary>" · replicas 3 · minisr 2", or "" for a topic with one replica.</summary>
    public static string Title(ObjectInfo topic) =>
        TopicSettings.IsReplicated(topic) ? $" · replicas {TopicSettings.ReplicasOf(topic)} · minisr {TopicSettings.MinInSyncOf(topic)}" : "";

    /// <summary>The high-water mark of partition <paramref name="p"/>, or -1 for a topic with one replica (its readers read to the log end).</summary>
    public static long HighWaterMark(ReplicaPartition[] replicas, int p) => replicas.Length == 0 ? -1 : replicas[p].HighWaterMark;

    /// <summary>The marker drawn before offset <paramref name="offset"/> when the high-water mark is there.</summary>
    public static string Marker(long hwm, long offset) => hwm == offset ? "┊hwm " : "";

    /// <summary>The replicas' row under partition <paramref name="p"/>'s offsets.</summary>
    public static void Add(Kernel kernel, ObjectInfo topic, ReplicaPartition[] replicas, int p, int width, List<string> lines)
    {
        if (replicas.Length == 0)
        {
            return;
        }

        var part = replicas[p];
        var row = new MarkupLine(width).Add("       replicas: ", Palette.Dim);
        for (var r = 0; r < part.LogEnds.Length; r++)
        {
            var name = $"{topic.Name}-{r + 1}";
            row.Add(r == 0 ? "" : " · ", Palette.Dim);
            if (!part.InSync[r])
            {
                row.Add($"{name} {(part.Down[r] ? "down" : "out of sync")}", Palette.Blocked).Add($" (end {part.LogEnds[r]})", Palette.Dim);
                continue;
            }

            row.Add(name, r == part.Leader && !part.Offline ? Palette.Title : null).Add($"{(r == part.Leader && !part.Offline ? " leader" : "")} end {part.LogEnds[r]}", Palette.Dim);
        }

        var isr = Enumerable.Range(0, part.InSync.Length).Where(r => part.InSync[r]).Select(r => r + 1);
        row.Add(part.Offline ? " · offline: no in-sync replica left" : $" · ISR {{{string.Join(",", isr)}}} · epoch {part.Epoch}", part.Offline ? Palette.Blocked : Palette.Dim);
        lines.Add(row.ToString());
    }
}
