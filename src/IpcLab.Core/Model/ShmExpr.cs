using IpcLab.Core.Runtime;

namespace IpcLab.Core.Model;

/// <summary>
/// <c>seg[i]</c> read in place: in a condition, a print or a final check. (An assignment's right
/// side reads through a ShmLoad step instead, so that a read-modify-write is two steps.)
/// </summary>
public sealed class ShmExpr(ObjectInfo segment, CExpr index) : CExpr(ValueKind.Int)
{
    public override long Eval(in EvalContext ctx) => ctx.Data[WordIndex(ctx, segment, index.Eval(ctx), "reads")];

    /// <summary>
    /// Where word <paramref name="i"/> of a segment is in the state array. Faults when the calling
    /// thread's process has not mapped the segment, or the index is outside it; a final check
    /// (no thread) reads any segment.
    /// </summary>
    public static int WordIndex(in EvalContext ctx, ObjectInfo segment, long i, string verb) =>
        ctx.Layout.SegmentWordBase(segment.Id) + WordNumber(ctx, segment, i, verb);

    /// <summary>Word <paramref name="i"/> of a segment, checked as <see cref="WordIndex"/> checks it.</summary>
    public static int WordNumber(in EvalContext ctx, ObjectInfo segment, long i, string verb)
    {
        var (name, size) = (segment.Name, segment.Capacity);
        var layout = ctx.Layout;
        if (ctx.Thread >= 0 && !layout.IsMapped(ctx.Data, segment.Id, layout.ProcessOf(ctx.Thread)))
        {
            throw new ThreadFaultException($"{verb} {name}[{i}], but its process has not mapped {name} (write `map {name}` first)");
        }

        if (i < 0 || i >= size)
        {
            throw new ThreadFaultException($"{verb} {name}[{i}]: outside the segment (its words are {name}[0] to {name}[{size - 1}])");
        }

        return (int)i;
    }
}
