using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

/// <summary>
/// Compiles one thread body to instructions. Successors are patched as code is emitted: every
/// instruction whose fall-through is still open is a "hole", and the next instruction emitted
/// fills all holes. Loops patch their body's holes back to their header instead.
/// </summary>
internal sealed partial class ThreadCompiler
{
    private readonly Scope _scope;
    private readonly ExprCompiler _exprs;
    private readonly List<Instr> _code = [];
    private List<(Instr Instr, bool IsJump)> _holes = [];

    public ThreadCompiler(Scope scope, LiteralTable literals)
    {
        _scope = scope;
        _exprs = new ExprCompiler(scope, literals);
    }

    public Instr[] Compile(IReadOnlyList<Stmt> body)
    {
        CompileBlock(body);
        return [.. _code]; // open holes keep Next = -1: the thread ends there
    }

    private void CompileBlock(IReadOnlyList<Stmt> body)
    {
        foreach (var stmt in body)
        {
            CompileStatement(stmt);
        }
    }

    private void CompileStatement(Stmt stmt)
    {
        switch (stmt)
        {
            case OpStmt op: CompileOp(op); break;
            case AssignStmt a: CompileAssign(a); break;
            case IfStmt i: CompileIf(i); break;
            case WhileStmt w: CompileWhile(w); break;
            case ForStmt f: CompileFor(f); break;
            case RepeatStmt r: CompileRepeat(r); break;
            case PrintStmt p:
                Emit(new Instr { Op = OpCode.Print, Pos = p.Pos, Args = p.Values.Select(_exprs.Compile).ToArray() });
                break;
            case AssertStmt a:
                Emit(new Instr
                {
                    Op = OpCode.Assert,
                    Pos = a.Pos,
                    E1 = _exprs.CompileCondition(a.Condition),
                    E2 = a.Message is null ? null : _exprs.Compile(a.Message),
                    Text = ExprPrinter.Print(a.Condition),
                });
                break;
            case PassStmt p:
                Emit(new Instr { Op = OpCode.Pass, Pos = p.Pos });
                break;
            default:
                throw _scope.Error(stmt.Pos, "unsupported statement");
        }
    }

    /// <summary>Appends an instruction, fills every open hole with it, and opens its own fall-through.</summary>
    private Instr Emit(Instr instr)
    {
        var index = _code.Count;
        foreach (var (hole, isJump) in _holes)
        {
            if (isJump)
            {
                hole.Jump = index;
            }
            else
            {
                hole.Next = index;
            }
        }

        _code.Add(instr);
        _holes = [(instr, false)];
        return instr;
    }

    private void PatchHoles(int target)
    {
        foreach (var (hole, isJump) in _holes)
        {
            if (isJump)
            {
                hole.Jump = target;
            }
            else
            {
                hole.Next = target;
            }
        }

        _holes = [];
    }

    private void CompileAssign(AssignStmt a)
    {
        if (a.Index is RangeExpr && a.Op != "=")
        {
            throw _scope.Error(a.Pos, $"`{a.Op}` cannot apply to a range of words; write `{a.Target.Name}[{ExprPrinter.Print(a.Index)}] = VALUE` to fill it");
        }

        Expr current = a.Index is null ? new NameExpr(a.Target.Pos, a.Target.Name) : new IndexExpr(a.Target.Pos, a.Target, a.Index);
        Expr value = a.Op switch
        {
            "+=" => new BinaryExpr(a.Pos, "+", current, a.Value),
            "-=" => new BinaryExpr(a.Pos, "-", current, a.Value),
            _ => a.Value,
        };

        // Every shared variable on the right is read by a Load step of its own; the final step
        // computes from those registers and writes the target. Another thread can run between.
        var loads = new List<PendingLoad>();
        _exprs.Loads = loads;
        CExpr compiled;
        try
        {
            compiled = _exprs.Compile(value);
        }
        finally
        {
            _exprs.Loads = null;
        }

        foreach (var load in loads)
        {
            Emit(load.Index is null
                ? new Instr { Op = OpCode.Load, Pos = a.Pos, A = load.Source.Id, B = load.Register, Text = load.Key }
                : new Instr { Op = OpCode.ShmLoad, Pos = a.Pos, A = load.Source.Id, B = load.Register, E1 = load.Index, E2 = load.To, Text = load.Key });
        }

        if (a.Index is not null)
        {
            var segment = _exprs.Segment(a.Target);
            var range = a.Index as RangeExpr;
            var index = _exprs.CompileSegmentIndex(range?.From ?? a.Index);
            CExpr[] last = range is null ? [] : [_exprs.CompileSegmentIndex(range.To)];
            if (compiled.Kind != ValueKind.Int)
            {
                throw _scope.Error(a.Value.Pos, $"a segment holds numbers (int words), cannot store {Scope.KindText(compiled.Kind)} in {a.Target.Name}[{ExprPrinter.Print(a.Index)}]");
            }

            var stored = $"{a.Target.Name}[{ExprPrinter.Print(a.Index)}]";
            Emit(new Instr { Op = OpCode.ShmStore, Pos = a.Pos, A = segment.Id, E1 = compiled, E2 = index, Args = last, Text = $"{stored} {a.Op} {ExprPrinter.Print(a.Value)}" });
            return;
        }

        var text = $"{a.Target.Name} {a.Op} {ExprPrinter.Print(a.Value)}";
        var target = _scope.FindObject(a.Target.Name);
        if (target is not null && _scope.FindLocal(a.Target.Name) is null)
        {
            if (target.Kind != ObjectKind.SharedVar)
            {
                throw _scope.Error(a.Target.Pos, $"cannot assign to {a.Target.Name}: it is a {target.KindWord}");
            }

            if (!Scope.Compatible(target.ValueKind, compiled.Kind))
            {
                throw _scope.Error(a.Value.Pos, $"{a.Target.Name} holds {Scope.KindText(target.ValueKind)}, cannot store {Scope.KindText(compiled.Kind)} in it");
            }

            Emit(new Instr { Op = OpCode.Store, Pos = a.Pos, A = target.Id, E1 = compiled, Text = text });
            return;
        }

        var slot = _scope.DeclareOrCheck(a.Target, compiled.Kind);
        Emit(new Instr { Op = OpCode.SetLocal, Pos = a.Pos, B = slot, E1 = compiled, Text = text });
    }

    private void CompileIf(IfStmt stmt)
    {
        var ends = new List<(Instr, bool)>();
        foreach (var branch in stmt.Branches)
        {
            var test = Emit(new Instr
            {
                Op = OpCode.Branch,
                Pos = branch.Pos,
                E1 = _exprs.CompileCondition(branch.Condition),
                Text = ExprPrinter.Print(branch.Condition),
            });
            CompileBlock(branch.Body);
            ends.AddRange(_holes);
            _holes = [(test, true)];
        }

        CompileBlock(stmt.Else);
        _holes.AddRange(ends);
    }

    private void CompileWhile(WhileStmt stmt)
    {
        var headerIndex = _code.Count;
        var test = Emit(new Instr
        {
            Op = OpCode.Branch,
            Pos = stmt.Pos,
            E1 = _exprs.CompileCondition(stmt.Condition),
            Text = ExprPrinter.Print(stmt.Condition),
        });
        CompileBlock(stmt.Body);
        PatchHoles(headerIndex);
        _holes = [(test, true)];
    }

    private void CompileFor(ForStmt stmt)
    {
        var from = _exprs.Compile(stmt.From);
        var to = _exprs.Compile(stmt.To);
        RequireNumber(from, stmt.From);
        RequireNumber(to, stmt.To);
        var variable = _scope.DeclareOrCheck(stmt.Variable, ValueKind.Int);
        var bound = _scope.Hidden($"{stmt.Variable.Name}.end@{stmt.Pos.Line}", ValueKind.Int);
        var text = $"for {stmt.Variable.Name} in {ExprPrinter.Print(stmt.From)}..{ExprPrinter.Print(stmt.To)}";
        var init = Emit(new Instr { Op = OpCode.ForInit, Pos = stmt.Pos, B = variable, C = bound, E1 = from, E2 = to, Text = text });
        var bodyStart = _code.Count;
        CompileBlock(stmt.Body);
        var next = Emit(new Instr { Op = OpCode.ForNext, Pos = stmt.Pos, B = variable, C = bound, Text = text });
        next.Next = bodyStart;
        _holes = [(init, true), (next, true)];
    }

    private void CompileRepeat(RepeatStmt stmt)
    {
        var count = _exprs.Compile(stmt.Count);
        RequireNumber(count, stmt.Count);
        var counter = _scope.Hidden($"repeat@{stmt.Pos.Line}:{stmt.Pos.Column}", ValueKind.Int);
        var text = $"repeat {ExprPrinter.Print(stmt.Count)}";
        var init = Emit(new Instr { Op = OpCode.RepeatInit, Pos = stmt.Pos, B = counter, E1 = count, Text = text });
        var bodyStart = _code.Count;
        CompileBlock(stmt.Body);
        var next = Emit(new Instr { Op = OpCode.RepeatNext, Pos = stmt.Pos, B = counter, Text = text });
        next.Next = bodyStart;
        _holes = [(init, true), (next, true)];
    }

    private void RequireNumber(CExpr value, Expr source)
    {
        if (value.Kind != ValueKind.Int)
        {
            throw _scope.Error(source.Pos, $"expected a number, but `{ExprPrinter.Print(source)}` is {Scope.KindText(value.Kind)}");
        }
    }
}
