using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Broker;

/// <summary>published(b), unroutable(b), returned(b): how many messages were published to the broker, dropped as unroutable, returned to a mandatory publisher.</summary>
public sealed class BrokerFuncExpr(string func, int brokerId, int capacity) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var cells = new BrokerCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(brokerId), BrokerCells.CellsFor(capacity, ctx.Layout.ThreadCount)), capacity);
        return func switch
        {
            "published" => cells.Published,
            "unroutable" => cells.Unroutable,
            _ => cells.Returned,
        };
    }
}
