using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Group;

/// <summary>members(g): how many threads are in the group now; dropped(g): messages it has dropped so far.</summary>
public sealed class GroupFuncExpr(GroupFunc func, int groupId, int capacity) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx)
    {
        var threads = ctx.Layout.ThreadCount;
        var group = new GroupCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(groupId), GroupCells.CellsFor(capacity, threads)), capacity);
        if (func == GroupFunc.Dropped)
        {
            return group.Dropped;
        }

        var n = 0;
        for (var t = 0; t < threads; t++)
        {
            n += group.IsMember(t) ? 1 : 0;
        }

        return n;
    }
}
