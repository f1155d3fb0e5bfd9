using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>
/// ready(q), unacked(q), routed(q), acked(q), discarded(q), lost(q), dropped(q), refused(q), expired(q), poisoned(q) on a broker queue: the copies
/// ready in it now, held unacknowledged by its consumers now, and how many were routed into it,
/// acknowledged, discarded by nack or reject, lost at an autoack consumer, dropped from the head
/// or refused at the maximum length, expired at the head, returned more times than the delivery limit.
/// </summary>
public sealed class BrokerQueueFuncExpr(string func, int queueId, int capacity) : CExpr(ValueKind.Int)
{
    public static readonly IReadOnlyList<string> Names = ["ready", "unacked", "routed", "acked", "discarded", "lost", "dropped", "refused", "expired", "poisoned"];

    public override long Eval(in EvalContext ctx)
    {
        var threads = ctx.Layout.ThreadCount;
        var q = new BrokerQueueCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(queueId), BrokerQueueCells.CellsFor(capacity, threads)), capacity);
        return func switch
        {
            "ready" => q.ReadyCount,
            "unacked" => q.Routed - q.ReadyCount - q.Acked - q.Discarded - q.Lost - q.Dropped - q.Refused - q.Expired - q.Poisoned,
            "routed" => q.Routed,
            "acked" => q.Acked,
            "discarded" => q.Discarded,
            "lost" => q.Lost,
            "dropped" => q.Dropped,
            "refused" => q.Refused,
            "expired" => q.Expired,
            _ => q.Poisoned,
        };
    }
}
