using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Script;

/// <summary>
/// Compiles expressions with their types checked. In "split" mode (the right side of an
/// assignment) each shared variable read becomes a read of a hidden register that a separate
/// Load step fills first: that is what makes `count = count + 1` two steps, and races visible.
/// </summary>
internal sealed partial class ExprCompiler(Scope scope, LiteralTable literals)
{
    // Every function of every kind, in the registry's order: value(s), full(q), members(g), ...
    private static readonly string[] Functions = [.. ObjectModules.Objects.SelectMany(m => m.Functions).Distinct()];

    /// <summary>Shared variables read by the expression in split mode, in order of first read.</summary>
    public List<PendingLoad>? Loads { get; set; }

    public CExpr Compile(Expr expr) => expr switch
    {
        IntLit i => new ConstExpr(ValueKind.Int, i.Value),
        BoolLit b => new ConstExpr(ValueKind.Bool, b.Value ? 1 : 0),
        StrLit s => new ConstExpr(ValueKind.Str, literals.Intern(s.Value)),
        InterpolatedStr s => new InterpolationExpr(s.Parts.Select(Compile).ToArray()),
        NameExpr n => CompileName(n),
        IndexExpr x => CompileIndex(x),
        CallExpr c => CompileCall(c),
        UnaryExpr u => CompileUnary(u),
        BinaryExpr b => CompileBinary(b),
        _ => throw scope.Error(expr.Pos, "unsupported expression"),
    };

    /// <summary>A condition (if, while, assert, expect): a boolean or a number, never a string.</summary>
    public CExpr CompileCondition(Expr expr)
    {
        var c = Compile(expr);
        if (c.Kind == ValueKind.Str)
        {
            throw scope.Error(expr.Pos, $"a condition must be true/false or a number, but `{ExprPrinter.Print(expr)}` is a string");
        }

        return c;
    }

    private CExpr CompileName(NameExpr n)
    {
        if (n.Name == "self")
        {
            return scope.IsGlobal ? throw scope.Error(n.Pos, "self is only defined inside a thread") : new SelfExpr();
        }

        if (!scope.IsGlobal && scope.FindLocal(n.Name) is { } slot)
        {
            return new LocalExpr(scope.LocalAt(slot).Kind, slot);
        }

        var obj = scope.FindObject(n.Name)
            ?? throw scope.Error(n.Pos, scope.IsGlobal
                ? $"unknown name '{n.Name}' (a final check can use shared variables, queues and semaphores)"
                : scope.WhyInvisible(n.Name) is { Length: > 0 } why
                    ? $"unknown name '{n.Name}'{why}"
                    : $"unknown name '{n.Name}' (not a declared object, and no earlier line of this thread assigns it)");
        if (obj.Kind != ObjectKind.SharedVar)
        {
            throw scope.Error(n.Pos, $"{n.Name} is a {obj.KindWord}, not a value{ObjectModules.Of(obj.Kind).ValueHint(obj)}");
        }

        if (Loads is null)
        {
            return new SharedExpr(obj.ValueKind, obj.Id);
        }

        var existing = Loads.FindIndex(l => l.Key == obj.Name);
        if (existing >= 0)
        {
            return new LocalExpr(obj.ValueKind, Loads[existing].Register);
        }

        var register = scope.Hidden(obj.Name, obj.ValueKind);
        Loads.Add(new PendingLoad(obj, register, null, obj.Name));
        return new LocalExpr(obj.ValueKind, register);
    }

    /// <summary><c>seg[i]</c>: read in place, or (split mode) through a load step of its own.</summary>
    private CExpr CompileIndex(IndexExpr x)
    {
        var segment = Segment(x.Target);
        var range = x.Index as RangeExpr;
        var index = CompileSegmentIndex(range?.From ?? x.Index);
        var to = range is null ? null : CompileSegmentIndex(range.To);
        var kind = range is null ? ValueKind.Int : ValueKind.Str;
        if (Loads is null)
        {
            return to is null
                ? new ShmExpr(segment, index)
                : new ShmRangeExpr(segment, index, to);
        }

        var key = ExprPrinter.Print(x);
        var existing = Loads.FindIndex(l => l.Key == key);
        if (existing >= 0)
        {
            return new LocalExpr(kind, Loads[existing].Register);
        }

        var register = scope.Hidden(key, kind);
        Loads.Add(new PendingLoad(segment, register, index, key, to));
        return new LocalExpr(kind, register);
    }

    /// <summary>The segment named before <c>[</c>; anything else is a compile error.</summary>
    public ObjectInfo Segment(NameRef name)
    {
        var obj = scope.FindObject(name.Name)
            ?? throw scope.Error(name.Pos, $"unknown name '{name.Name}' (only a shared-memory segment, declared with `shm {name.Name} size N`, can be indexed)");
        return obj.Kind == ObjectKind.SharedMemory
            ? obj
            : throw scope.Error(name.Pos, $"{name.Name} is a {obj.KindWord}, not a shared-memory segment: only a segment can be indexed with [...]");
    }

    /// <summary>A word index: a number, read in place (a shared read inside the brackets is part of the same step).</summary>
    public CExpr CompileSegmentIndex(Expr index)
    {
        var loads = Loads;
        Loads = null;
        try
        {
            var c = Compile(index);
            return c.Kind == ValueKind.Int
                ? c
                : throw scope.Error(index.Pos, $"a segment index must be a number, but `{ExprPrinter.Print(index)}` is {Scope.KindText(c.Kind)}");
        }
        finally
        {
            Loads = loads;
        }
    }

    private CExpr CompileCall(CallExpr c)
    {
        var f = c.Function.Name;
        if (!Functions.Contains(f))
        {
            throw scope.Error(c.Function.Pos, $"unknown function '{f}'; expected one of {string.Join(", ", Functions)}");
        }

        if (c.Args.Count != 1 || c.Args[0] is not NameExpr arg)
        {
            throw scope.Error(c.Pos, $"{f} takes one argument, the name of {Takers(f)}");
        }

        var obj = scope.FindObject(arg.Name) ?? throw scope.Error(arg.Pos, $"unknown name '{arg.Name}'");
        var module = ObjectModules.Of(obj.Kind);
        return module.Functions.Contains(f)
            ? module.Function(f, obj)
            : throw scope.Error(arg.Pos, $"{f} expects {Takers(f)}, but {arg.Name} is a {obj.KindWord}{module.ValueHint(obj)}");
    }

    /// <summary>The kinds a function reads, in words: "a queue or a message queue" (only for an error message).</summary>
    private static string Takers(string function) =>
        string.Join(" or ", ObjectModules.Objects.Where(m => m.Functions.Contains(function)).Select(m => $"a {m.KindWord}"));

    private CExpr CompileUnary(UnaryExpr u)
    {
        var operand = Compile(u.Operand);
        if (u.Op == "not")
        {
            RequireNotString(operand, u.Operand, "not");
            return new NotExpr(operand);
        }

        RequireNumber(operand, u.Operand, "-");
        return new NegExpr(operand);
    }

    private CExpr CompileBinary(BinaryExpr b)
    {
        var left = Compile(b.Left);
        var right = Compile(b.Right);
        switch (b.Op)
        {
            case "and":
            case "or":
                RequireNotString(left, b.Left, b.Op);
                RequireNotString(right, b.Right, b.Op);
                return new BinaryCExpr(b.Op == "and" ? BinaryOp.And : BinaryOp.Or, left, right, ValueKind.Bool);
            case "==":
            case "!=":
                if (!Scope.Compatible(left.Kind, right.Kind))
                {
                    throw scope.Error(b.Pos, $"cannot compare {Scope.KindText(left.Kind)} with {Scope.KindText(right.Kind)}");
                }

                return new BinaryCExpr(b.Op == "==" ? BinaryOp.Eq : BinaryOp.Ne, left, right, ValueKind.Bool);
            case "+" when left.Kind == ValueKind.Str || right.Kind == ValueKind.Str:
                if (left.Kind != right.Kind)
                {
                    throw scope.Error(b.Pos, "cannot add a string and a number; write \"{a}{b}\" to join them");
                }

                return new BinaryCExpr(BinaryOp.Concat, left, right, ValueKind.Str);
        }

        RequireNumber(left, b.Left, b.Op);
        RequireNumber(right, b.Right, b.Op);
        var (op, kind) = b.Op switch
        {
            "+" => (BinaryOp.Add, ValueKind.Int),
            "-" => (BinaryOp.Sub, ValueKind.Int),
            "*" => (BinaryOp.Mul, ValueKind.Int),
            "/" => (BinaryOp.Div, ValueKind.Int),
            "%" => (BinaryOp.Mod, ValueKind.Int),
            "<" => (BinaryOp.Lt, ValueKind.Bool),
            "<=" => (BinaryOp.Le, ValueKind.Bool),
            ">" => (BinaryOp.Gt, ValueKind.Bool),
            ">=" => (BinaryOp.Ge, ValueKind.Bool),
            _ => throw scope.Error(b.Pos, $"unknown operator '{b.Op}'"),
        };
        return new BinaryCExpr(op, left, right, kind);
    }

    private void RequireNumber(CExpr value, Expr source, string op)
    {
        if (value.Kind != ValueKind.Int)
        {
            throw scope.Error(source.Pos, $"'{op}' needs a number, but `{ExprPrinter.Print(source)}` is {Scope.KindText(value.Kind)}");
        }
    }

    private void RequireNotString(CExpr value, Expr source, string op)
    {
        if (value.Kind == ValueKind.Str)
        {
            throw scope.Error(source.Pos, $"'{op}' needs true/false, but `{ExprPrinter.Print(source)}` is a string");
        }
    }
}
