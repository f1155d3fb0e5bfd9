using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// lag(g): the records of g's topic a consumer could read past the group's committed offsets,
/// summed over the partitions: up to the high-water mark of a replicated topic, the log end of any
/// other (a partition with no committed offset counts from its log start); committed(g): the
/// committed offsets summed over the partitions (none counts 0), which for a topic of one
/// partition is the offset the group has committed.
/// </summary>
public sealed class ConsumerGroupFuncExpr(bool lag, int groupId, ConsumerGroupSettings settings) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var partitions = settings.Partitions;
        var group = new ConsumerGroupCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(groupId), ConsumerGroupCells.CellsFor(partitions, ctx.Layout.ThreadCount)), partitions);
        var topic = new TopicCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(settings.TopicId), TopicCells.CellsFor(partitions, settings.Retain)), partitions, settings.Retain);

        // A replicated topic's replica cells are its last ones (see TopicModule.CellCount).
        var replicaCells = settings.Replicas > 1 ? ReplicaCells.CellsFor(partitions, settings.Replicas, ctx.Layout.ThreadCount) : 0;
        var replicas = new ReplicaCells(ctx.Data.AsSpan(ctx.Layout.ObjectEnd(settings.TopicId) - replicaCells, replicaCells), partitions, settings.Replicas);
        long sum = 0;
        for (var p = 0; p < partitions; p++)
        {
            var committed = group.Committed(p);
            var readable = settings.Replicas > 1 ? replicas.HighWaterMark(p) : topic.End(p);
            sum += lag ? Math.Max(0, readable - (committed >= 0 ? committed : topic.Start(p))) : Math.Max(committed, 0);
        }

        return sum;
    }
}
