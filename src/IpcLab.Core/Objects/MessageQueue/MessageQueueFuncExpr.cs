using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.MessageQueue;

/// <summary>full(q), empty(q), size(q), capacity(q) on a message queue.</summary>
public sealed class MessageQueueFuncExpr(QueueFunc func, int queueId, int capacity)
    : CExpr(func is QueueFunc.Full or QueueFunc.Empty ? ValueKind.Bool : ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var cells = ctx.Data.AsSpan(ctx.Layout.ObjectBase(queueId), MessageQueueCells.CellsFor(capacity, ctx.Layout.ThreadCount));
        var count = new MessageQueueCells(cells, capacity).Count;
        return func switch
        {
            QueueFunc.Full => count >= capacity ? 1 : 0,
            QueueFunc.Empty => count == 0 ? 1 : 0,
            QueueFunc.Size => count,
            _ => capacity,
        };
    }
}
