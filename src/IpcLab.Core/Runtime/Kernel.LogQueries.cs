using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Objects.Topic;

namespace IpcLab.Core.Runtime;

// Read-only questions about topics and consumer groups, for views, reports and tests: each reads
// the object's cells through its typed view.
public sealed partial class Kernel
{
    /// <summary>A topic's partitions: log start, log end and the records retained between them.</summary>
    public LogPartition[] TopicPartitions(int topicId)
    {
        var cells = TopicModule.CellsOf(this, Program.Objects[topicId]);
        var partitions = new LogPartition[cells.Partitions];
        for (var p = 0; p < partitions.Length; p++)
        {
            var records = new LogRecord[cells.Retained(p)];
            for (var i = 0; i < records.Length; i++)
            {
                var offset = cells.Start(p) + i;
                var (producer, sequence) = Producers.StampOf(this, Program.Objects[topicId], p, offset);
                records[i] = new LogRecord(offset, cells.HasKey(p, offset) ? cells.Key(p, offset) : -1, cells.Value(p, offset), cells.IsCompacted(p, offset), producer, sequence);
            }

            partitions[p] = new LogPartition(cells.Start(p), cells.End(p), records);
        }

        return partitions;
    }

    /// <summary>A replicated topic's partitions (leader, high-water mark, each replica's log end and ISR membership), or none for a topic with one replica.</summary>
    public ReplicaPartition[] TopicReplicas(int topicId)
    {
        if (!Replication.TryCells(this, Program.Objects[topicId], out var cells))
        {
            return [];
        }

        var partitions = new ReplicaPartition[cells.Partitions];
        for (var p = 0; p < partitions.Length; p++)
        {
            var ends = new long[cells.Replicas];
            var inSync = new bool[cells.Replicas];
            var down = new bool[cells.Replicas];
            for (var r = 0; r < ends.Length; r++)
            {
                ends[r] = cells.LogEnd(p, r);
                inSync[r] = cells.InSync(p, r);
                down[r] = cells.IsDown(r);
            }

            partitions[p] = new ReplicaPartition((int)cells.Leader(p), cells.Epoch(p), cells.HighWaterMark(p), cells.Offline(p) != 0, ends, inSync, down);
        }

        return partitions;
    }

    /// <summary>A consumer group's view of each partition of its topic: owner, position, committed offset.</summary>
    public GroupPartition[] ConsumerGroupPartitions(int groupId)
    {
        var cells = ConsumerGroupModule.CellsOf(this, Program.Objects[groupId]);
        var partitions = new GroupPartition[cells.Partitions];
        for (var p = 0; p < partitions.Length; p++)
        {
            partitions[p] = new GroupPartition(cells.Owner(p), cells.Position(p), cells.Committed(p));
        }

        return partitions;
    }

    /// <summary>The members of a consumer group, in thread order.</summary>
    public int[] ConsumerGroupMembers(int groupId) => [.. Rebalance.Members(this, Program.Objects[groupId])];

    /// <summary>A consumer group's rebalances, oldest first, read back from the run's events: what set each off, the assignment before and after, what moved.</summary>
    public RebalanceEntry[] ConsumerGroupRebalances(int groupId) => RebalanceHistory.Of(this, groupId);

    /// <summary>How many rebalances a consumer group has had.</summary>
    public long ConsumerGroupGeneration(int groupId) => ConsumerGroupModule.CellsOf(this, Program.Objects[groupId]).Generation;
}
