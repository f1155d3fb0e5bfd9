using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

// Socket operations on descriptors: accept, send, recv, shutdown, close, select (poll), and
// sendto with its string check; listen, connect and bind compile from their modules' shapes.
// Descriptors are plain numbers kept in locals, as in C.
internal sealed partial class ThreadCompiler
{
    private void CompileSocketOp(OpStmt op)
    {
        switch (op.Op.Name)
        {
            case "accept":
                Shape(op, 1, 1, "accept lfd -> cfd");
                Emit(new Instr { Op = OpCode.Accept, Pos = op.Pos, E1 = Descriptor(op, 0), B = Target(op, 0, ValueKind.Int), Text = ExprPrinter.Print(op.Args[0]) });
                break;
            case "send":
                Shape(op, 2, 0, "send fd, \"text\"");
                Emit(new Instr
                {
                    Op = OpCode.Send,
                    Pos = op.Pos,
                    E1 = Descriptor(op, 0),
                    E2 = Text(op, 1),
                    B = _scope.Hidden($"send@{op.Pos.Line}:{op.Pos.Column}", ValueKind.Str),
                    C = _scope.Hidden($"sent@{op.Pos.Line}:{op.Pos.Column}", ValueKind.Int),
                });
                break;
            case "sendto":
                Shape(op, 2, 0, "sendto logd, \"message\"");
                Emit(new Instr { Op = OpCode.SendTo, Pos = op.Pos, A = Operand(op, 0, ObjectKind.DatagramSocket).Id, E1 = Text(op, 1) });
                break;
            case "recv":
                CompileRecv(op);
                break;
            case "shutdown":
            case "close":
                Shape(op, 1, 0, $"{op.Op.Name} fd");
                Emit(new Instr { Op = op.Op.Name == "close" ? OpCode.Close : OpCode.Shutdown, Pos = op.Pos, E1 = Descriptor(op, 0) });
                break;
            default:
                CompileSelect(op);
                break;
        }
    }

    private void CompileRecv(OpStmt op)
    {
        const string usage = "recv fd, 8 -> s  (up to 8 bytes), or recv fd -> s  (all that is there)";
        if (op.Args.Count is not (1 or 2) || op.Targets.Count != 1)
        {
            Shape(op, 2, 1, usage);
        }

        Emit(new Instr
        {
            Op = OpCode.Recv,
            Pos = op.Pos,
            E1 = Descriptor(op, 0),
            E2 = op.Args.Count == 2 ? Number(op, 1) : null,
            B = Target(op, 0, ValueKind.Str),
        });
    }

    private void CompileSelect(OpStmt op)
    {
        var word = op.Op.Name;
        var usage = $"{word} fd1, fd2 -> ready  or  {word} fd1, fd2 -> ready, count";
        if (op.Args.Count == 0)
        {
            throw _scope.Error(op.Pos, $"{word} needs at least one descriptor; write `{usage}`");
        }

        if (op.Targets.Count is not (1 or 2))
        {
            throw _scope.Error(op.Pos, $"{word} gives 1 or 2 results after `->` (the first ready descriptor, and how many are ready); write `{usage}`");
        }

        Emit(new Instr
        {
            Op = OpCode.Select,
            Pos = op.Pos,
            Args = op.Args.Select((_, i) => Descriptor(op, i)).ToArray(),
            B = Target(op, 0, ValueKind.Int),
            C = op.Targets.Count == 2 ? Target(op, 1, ValueKind.Int) : -1,
            // The word as written: `poll` is the same step as `select`, and its events say poll.
            Text = $"{word} " + string.Join(", ", op.Args.Select(ExprPrinter.Print)),
        });
    }

    /// <summary>A descriptor operand: a number expression, usually a local set by listen, accept, connect or bind.</summary>
    private CExpr Descriptor(OpStmt op, int index)
    {
        RequireThreadOwn(op.Args[index]);
        return Number(op, index);
    }

    /// <summary>
    /// A blocked socket operation re-reads its descriptors when it retries, so they may only come
    /// from the thread's own locals: a shared variable or a queue could change without waking it.
    /// </summary>
    private void RequireThreadOwn(Expr expr)
    {
        switch (expr)
        {
            case NameExpr n when _scope.FindLocal(n.Name) is null && _scope.FindObject(n.Name) is { Kind: ObjectKind.SharedVar }:
                throw _scope.Error(n.Pos, $"a descriptor must come from the thread's own locals, but {n.Name} is a shared variable; copy it first: `fd = {n.Name}`");
            case CallExpr c:
                throw _scope.Error(c.Pos, "a descriptor must come from the thread's own locals, not from a function of a shared object");
            case UnaryExpr u:
                RequireThreadOwn(u.Operand);
                break;
            case BinaryExpr b:
                RequireThreadOwn(b.Left);
                RequireThreadOwn(b.Right);
                break;
        }
    }

    private CExpr Number(OpStmt op, int index)
    {
        var value = _exprs.Compile(op.Args[index]);
        if (value.Kind != ValueKind.Int)
        {
            throw _scope.Error(op.Args[index].Pos, $"{op.Op.Name} expects a number here (a descriptor or a byte count), but `{ExprPrinter.Print(op.Args[index])}` is {Scope.KindText(value.Kind)}");
        }

        return value;
    }

    private CExpr Text(OpStmt op, int index)
    {
        var value = _exprs.Compile(op.Args[index]);
        if (value.Kind != ValueKind.Str)
        {
            throw _scope.Error(op.Args[index].Pos, $"{op.Op.Name} sends a string, but `{ExprPrinter.Print(op.Args[index])}` is {Scope.KindText(value.Kind)}; write \"{{x}}\" to turn it into text");
        }

        return value;
    }
}
