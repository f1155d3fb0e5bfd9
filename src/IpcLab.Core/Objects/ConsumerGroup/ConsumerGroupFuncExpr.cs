using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// lag(g): the records of g's topic past the group's committed offsets, summed over the partitions
/// (a partition with no committed offset counts from its log start); committed(g): the committed
/// offsets summed over the partitions (none counts 0), which for a topic of one partition is the
/// offset the group has committed.
/// </summary>
public sealed class ConsumerGroupFuncExpr(bool lag, int groupId, ConsumerGroupSettings settings) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var partitions = settings.Partitions;
        var group = new ConsumerGroupCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(groupId), ConsumerGroupCells.CellsFor(partitions, ctx.Layout.ThreadCount)), partitions);
        var topic = new TopicCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(settings.TopicId), TopicCells.CellsFor(partitions, settings.Retain)), partitions, settings.Retain);
        long sum = 0;
        for (var p = 0; p < partitions; p++)
        {
            var committed = group.Committed(p);
            sum += lag ? topic.End(p) - (committed >= 0 ? committed : topic.Start(p)) : Math.Max(committed, 0);
        }

        return sum;
    }
}
