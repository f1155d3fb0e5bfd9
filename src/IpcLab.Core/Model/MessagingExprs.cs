using IpcLab.Core.Runtime;

namespace IpcLab.Core.Model;

/// <summary>full(q), empty(q), size(q), capacity(q) on a message queue.</summary>
public sealed class MessageQueueFuncExpr(QueueFunc func, int queueSlot, int capacity)
    : CExpr(func is QueueFunc.Full or QueueFunc.Empty ? ValueKind.Bool : ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var count = ctx.Data[ctx.Layout.Messaging.MessageQueueBase(queueSlot)];
        return func switch
        {
            QueueFunc.Full => count >= capacity ? 1 : 0,
            QueueFunc.Empty => count == 0 ? 1 : 0,
            QueueFunc.Size => count,
            _ => capacity,
        };
    }
}

/// <summary>members(g): how many threads are in the group now; dropped(g): messages it has dropped so far.</summary>
public sealed class GroupFuncExpr(GroupFunc func, int groupSlot) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var layout = ctx.Layout.Messaging;
        if (func == GroupFunc.Dropped)
        {
            return ctx.Data[layout.GroupBase(groupSlot) + MessagingLayout.GroupDroppedField];
        }

        var n = 0;
        for (var t = 0; t < layout.ThreadCount; t++)
        {
            n += ctx.Data[layout.MemberBase(groupSlot, t)] != 0 ? 1 : 0;
        }

        return n;
    }
}

/// <summary>The group functions.</summary>
public enum GroupFunc
{
    /// <summary>members(g)</summary>
    Members,

    /// <summary>dropped(g)</summary>
    Dropped,
}
