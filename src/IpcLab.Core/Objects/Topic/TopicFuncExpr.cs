using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Topic;

/// <summary>produced(t): the records ever appended to topic t (the sum of its log end offsets); retained(t): the records it keeps now (not those compaction removed).</summary>
public sealed class TopicFuncExpr(bool retainedOnly, int topicId, int partitions, int retain) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var topic = new TopicCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(topicId), TopicCells.CellsFor(partitions, retain)), partitions, retain);
        long sum = 0;
        for (var p = 0; p < partitions; p++)
        {
            if (!retainedOnly)
            {
                sum += topic.End(p);
                continue;
            }

            for (var offset = topic.Start(p); offset < topic.End(p); offset++)
            {
                sum += topic.IsCompacted(p, offset) ? 0 : 1;
            }
        }

        return sum;
    }
}
