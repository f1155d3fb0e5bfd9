using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.ProcessedIds;

/// <summary>recorded(done): how many ids table done has recorded (each a message handled once).</summary>
public sealed class ProcessedIdsFuncExpr(int tableId) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx) => ctx.Data[ctx.Layout.ObjectBase(tableId)];
}
