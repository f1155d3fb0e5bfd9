using System.Globalization;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Model;

/// <summary>
/// A compiled expression. Evaluation reads the kernel state and never writes it (except to intern
/// a new string); an error such as division by zero throws <see cref="ThreadFaultException"/>.
/// </summary>
public abstract class CExpr(ValueKind kind)
{
    public ValueKind Kind { get; } = kind;

    public abstract long Eval(in EvalContext ctx);

    /// <summary>The expressions this one is computed from (an operator's operands); empty for a leaf.</summary>
    public virtual IReadOnlyList<CExpr> Operands => [];

    /// <summary>The object a leaf reads (a shared variable, a queue, a semaphore), or -1 when it reads none of these.</summary>
    public virtual int ReadsObject => -1;

    /// <summary>
    /// The text of a string expression. Joins and interpolations build their text without interning
    /// the pieces, so only a string that is stored, sent or printed enters the string table, not
    /// every intermediate one.
    /// </summary>
    public virtual string EvalText(in EvalContext ctx) => ctx.Strings[Eval(ctx)];

    /// <summary>A value as a learner reads it: 3, true, "job producer-1.1".</summary>
    public static string Format(ValueKind kind, long value, StringTable strings, bool quoteStrings) => kind switch
    {
        ValueKind.Bool => value != 0 ? "true" : "false",
        ValueKind.Str => quoteStrings ? "\"" + strings[value] + "\"" : strings[value],
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}

public sealed class ConstExpr(ValueKind kind, long value) : CExpr(kind)
{
    public long Value { get; } = value;

    public override long Eval(in EvalContext ctx) => Value;
}

public sealed class LocalExpr(ValueKind kind, int slot) : CExpr(kind)
{
    public int Slot { get; } = slot;

    public override long Eval(in EvalContext ctx) => ctx.Data[ctx.LocalBase + Slot];
}

/// <summary>A direct read of a shared variable, used where a whole line is one step (a condition, print).</summary>
public sealed class SharedExpr(ValueKind kind, int variableId) : CExpr(kind)
{
    public override int ReadsObject => variableId;

    public override long Eval(in EvalContext ctx) => ctx.Data[ctx.Layout.ObjectBase(variableId)];
}

public sealed class SelfExpr() : CExpr(ValueKind.Str)
{
    public override long Eval(in EvalContext ctx) => ctx.SelfName;
}

/// <summary>The queue functions: full(q), empty(q), size(q), capacity(q).</summary>
public sealed class QueueFuncExpr(QueueFunc func, int queueId, int capacity)
    : CExpr(func is QueueFunc.Full or QueueFunc.Empty ? ValueKind.Bool : ValueKind.Int)
{
    public override int ReadsObject => queueId;

    public override long Eval(in EvalContext ctx)
    {
        var count = new Objects.Ring(ctx.Data.AsSpan(ctx.Layout.ObjectBase(queueId), Objects.Ring.CellsFor(capacity))).Count;
        return func switch
        {
            QueueFunc.Full => count >= capacity ? 1 : 0,
            QueueFunc.Empty => count == 0 ? 1 : 0,
            QueueFunc.Size => count,
            _ => capacity,
        };
    }
}

public enum QueueFunc
{
    Full,
    Empty,
    Size,
    Capacity,
}

/// <summary>The current count of a semaphore: value(s).</summary>
public sealed class SemValueExpr(int semaphoreId) : CExpr(ValueKind.Int)
{
    public override int ReadsObject => semaphoreId;

    public override long Eval(in EvalContext ctx) =>
        new Objects.Semaphore.SemaphoreCells(ctx.Data.AsSpan(ctx.Layout.ObjectBase(semaphoreId), Objects.Semaphore.SemaphoreCells.Size)).Count;
}
