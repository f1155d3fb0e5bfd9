using System.Globalization;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Model;

/// <summary>
/// <c>seg[a..b]</c> read in place: the words a to b (both included) as one string, "[10, 20, 0]".
/// One read of several words, in one step.
/// </summary>
public sealed class ShmRangeExpr(ObjectInfo segment, CExpr from, CExpr to) : CExpr(ValueKind.Str)
{
    public override long Eval(in EvalContext ctx) => ctx.Strings.Intern(EvalText(ctx));

    public override string EvalText(in EvalContext ctx) => Read(ctx, segment, from.Eval(ctx), to.Eval(ctx));

    /// <summary>The words of a range as text; faults like a word read, and when the range runs backwards.</summary>
    public static string Read(in EvalContext ctx, ObjectInfo segment, long from, long to)
    {
        var (first, count) = Bounds(ctx, segment, from, to, "reads");
        var words = new string[count];
        var at = ctx.Layout.SegmentWordBase(segment.Id) + first;
        for (var i = 0; i < count; i++)
        {
            words[i] = ctx.Data[at + i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", words) + "]";
    }

    /// <summary>The range's first word and how many words it has.</summary>
    public static (int First, int Count) Bounds(in EvalContext ctx, ObjectInfo segment, long from, long to, string verb)
    {
        if (to < from)
        {
            throw new ThreadFaultException($"{verb} {segment.Name}[{from}..{to}]: the range runs backwards");
        }

        var first = ShmExpr.WordNumber(ctx, segment, from, verb);
        ShmExpr.WordNumber(ctx, segment, to, verb);
        return (first, (int)(to - from + 1));
    }
}
