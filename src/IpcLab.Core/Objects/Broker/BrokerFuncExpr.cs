using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Broker;

/// <summary>published(b), unroutable(b), returned(b), restarts(b), inflightlost(b), cycled(b): how many messages were published to the broker, dropped as unroutable, returned to a mandatory publisher; how many times it restarted, and how many messages its inbox lost in restarts, and how many dead letters it dropped whole as dead-letter cycles.</summary>
public sealed class BrokerFuncExpr(string func, int brokerId, int capacity, int deathEntries) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var cells = new BrokerCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(brokerId), BrokerCells.CellsFor(capacity, ctx.Layout.ThreadCount, deathEntries)), capacity, deathEntries);
        return func switch
        {
            "published" => cells.Published,
            "unroutable" => cells.Unroutable,
            "restarts" => cells.Restarts,
            "inflightlost" => cells.InboxLost,
            "cycled" => cells.CycleDropped,
            _ => cells.Returned,
        };
    }
}
