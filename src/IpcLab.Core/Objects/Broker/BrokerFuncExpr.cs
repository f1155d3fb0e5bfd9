using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Broker;

/// <summary>published(b), unroutable(b), returned(b), restarts(b), inflightlost(b): how many messages were published to the broker, dropped as unroutable, returned to a mandatory publisher; how many times it restarted, and how many messages its inbox lost in restarts.</summary>
public sealed class BrokerFuncExpr(string func, int brokerId, int capacity) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var cells = new BrokerCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(brokerId), BrokerCells.CellsFor(capacity, ctx.Layout.ThreadCount)), capacity);
        return func switch
        {
            "published" => cells.Published,
            "unroutable" => cells.Unroutable,
            "restarts" => cells.Restarts,
            "inflightlost" => cells.InboxLost,
            _ => cells.Returned,
        };
    }
}
