using System.Text;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Model;

public enum BinaryOp
{
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Concat,
}

public sealed class BinaryCExpr(BinaryOp op, CExpr left, CExpr right, ValueKind kind) : CExpr(kind)
{
    public override IReadOnlyList<CExpr> Operands => [left, right];

    public override string EvalText(in EvalContext ctx)
    {
        if (op != BinaryOp.Concat)
        {
            return base.EvalText(ctx);
        }

        var a = left.EvalText(ctx);
        var b = right.EvalText(ctx);
        StringTable.CheckLength((long)a.Length + b.Length, $"joining {a.Length:N0} and {b.Length:N0} characters");
        return a + b;
    }

    public override long Eval(in EvalContext ctx)
    {
        if (op == BinaryOp.Concat)
        {
            return ctx.Strings.Intern(EvalText(ctx));
        }

        // `and` / `or` short-circuit, as learners expect from every language they know.
        if (op == BinaryOp.And)
        {
            return left.Eval(ctx) != 0 && right.Eval(ctx) != 0 ? 1 : 0;
        }

        if (op == BinaryOp.Or)
        {
            return left.Eval(ctx) != 0 || right.Eval(ctx) != 0 ? 1 : 0;
        }

        var a = left.Eval(ctx);
        var b = right.Eval(ctx);
        return op switch
        {
            BinaryOp.Add => Checked(a, b, static (x, y) => checked(x + y), "+"),
            BinaryOp.Sub => Checked(a, b, static (x, y) => checked(x - y), "-"),
            BinaryOp.Mul => Checked(a, b, static (x, y) => checked(x * y), "*"),
            BinaryOp.Div => b == 0 ? throw new ThreadFaultException("division by zero") : Checked(a, b, static (x, y) => x / y, "/"),
            BinaryOp.Mod => b == 0 ? throw new ThreadFaultException("division by zero (in %)") : Checked(a, b, static (x, y) => x % y, "%"),
            BinaryOp.Eq => a == b ? 1 : 0,
            BinaryOp.Ne => a != b ? 1 : 0,
            BinaryOp.Lt => a < b ? 1 : 0,
            BinaryOp.Le => a <= b ? 1 : 0,
            BinaryOp.Gt => a > b ? 1 : 0,
            BinaryOp.Ge => a >= b ? 1 : 0,
            _ => throw new InvalidOperationException($"unknown operator {op}"),
        };
    }

    private static long Checked(long a, long b, Func<long, long, long> f, string op)
    {
        try
        {
            return f(a, b);
        }
        catch (OverflowException)
        {
            throw new ThreadFaultException($"integer overflow: {a} {op} {b} does not fit in 64 bits");
        }
    }
}

public sealed class NegExpr(CExpr operand) : CExpr(ValueKind.Int)
{
    public override IReadOnlyList<CExpr> Operands => [operand];

    public override long Eval(in EvalContext ctx)
    {
        var v = operand.Eval(ctx);
        return v == long.MinValue ? throw new ThreadFaultException($"integer overflow: -({v}) does not fit in 64 bits") : -v;
    }
}

public sealed class NotExpr(CExpr operand) : CExpr(ValueKind.Bool)
{
    public override IReadOnlyList<CExpr> Operands => [operand];

    public override long Eval(in EvalContext ctx) => operand.Eval(ctx) == 0 ? 1 : 0;
}

/// <summary>"job {self}.{i}": concatenates the formatted parts and interns the result.</summary>
public sealed class InterpolationExpr(IReadOnlyList<CExpr> parts) : CExpr(ValueKind.Str)
{
    public override IReadOnlyList<CExpr> Operands => parts;

    public override string EvalText(in EvalContext ctx)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            var text = part.Kind == ValueKind.Str ? part.EvalText(ctx) : Format(part.Kind, part.Eval(ctx), ctx.Strings, quoteStrings: false);
            StringTable.CheckLength((long)sb.Length + text.Length, $"interpolating {parts.Count} parts");
            sb.Append(text);
        }

        return sb.ToString();
    }

    public override long Eval(in EvalContext ctx) => ctx.Strings.Intern(EvalText(ctx));
}
