using System.Globalization;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Script;

// Operation statements: lock m, wait c, m, put q, x, take q -> x, ...
internal sealed partial class ThreadCompiler
{
    private static readonly string[] Operations =
        ["lock", "trylock", "unlock", "wait", "signal", "broadcast", "P", "V", "post", "put", "take", "tryput", "trytake", "map", "unmap", "spawn", "exit", "crash",
            "listen", "accept", "connect", "send", "recv", "shutdown", "close", "select", "poll", "bind", "sendto",
            "trysend", "timedsend", "receive", "tryreceive", "timedreceive", "join", "leave", "subscribe", "unsubscribe", "multicast", "anycast", "unicast",
            "publish", "consume", "get", "ack", "nack", "reject", "produce", "commit", "seek", "handleonce", "retry"];

    private void CompileOp(OpStmt op)
    {
        var name = op.Op.Name;
        if (name == "broadcast" && op.Args.Count == 2)
        {
            CompileGroupSend(op);
            return;
        }

        if (TryCompileByShape(op))
        {
            return;
        }

        if (name is "produce" or "seek" || (name == "poll" && PollsAGroup(op)))
        {
            CompileLogOp(op);
            return;
        }

        switch (name)
        {
            case "lock":
                Shape(op, 1, op.Targets.Count == 1 ? 1 : 0, "lock m  or, for a mutex in shared memory, lock m -> ownerDied");
                var mutex = Operand(op, 0, ObjectKind.Mutex);
                if (op.Targets.Count == 1 && mutex.Segment < 0)
                {
                    throw _scope.Error(op.Targets[0].Pos, $"only a mutex in shared memory can report a dead owner; {mutex.Name} is not declared `in` a segment");
                }

                Emit(new Instr { Op = OpCode.Lock, Pos = op.Pos, A = mutex.Id, B = op.Targets.Count == 1 ? Target(op, 0, ValueKind.Bool) : -1 });
                break;
            case "wait":
                CompileWait(op);
                break;
            case "put":
            case "tryput":
                CompilePut(op, name == "tryput");
                break;
            case "take":
            case "trytake":
                CompileTake(op, name == "trytake");
                break;
            case "spawn":
                Shape(op, 1, 0, "spawn PROCESS");
                Emit(new Instr { Op = OpCode.Spawn, Pos = op.Pos, A = ProcessOperand(op), Text = ExprPrinter.Print(op.Args[0]) });
                break;
            case "send" when SendsAMessage(op):
                TryCompileMessaging(op);
                break;
            case "accept" or "send" or "recv" or "shutdown" or "close" or "select" or "poll" or "sendto":
                CompileSocketOp(op);
                break;
            default:
                if (TryCompileBroker(op) || TryCompileMessaging(op) || TryCompileHandleOnce(op))
                {
                    break;
                }

                var suggestion = Closest(name);
                var hint = suggestion is null ? "" : $" (did you mean '{suggestion}'?)";
                throw _scope.Error(op.Op.Pos, $"unknown operation '{name}'{hint}; expected one of {string.Join(", ", Operations)}, an assignment, or a statement (if, while, for, repeat, print, assert, pass)");
        }
    }

    /// <summary>
    /// A plain operation, compiled from the shape its module gives (see <see cref="OpShape"/>).
    /// When a word has several meanings the first operand's kind picks one; when none fits, the
    /// compiler's own forms below take it (and say what is wrong).
    /// </summary>
    private bool TryCompileByShape(OpStmt op)
    {
        var name = op.Op.Name;
        var all = ObjectModules.OperationsOf(name);
        var shaped = all.Where(s => s.Shape is not null).ToArray();
        OpSpec chosen;
        if (shaped.Length == 1 && all.Count == 1)
        {
            chosen = shaped[0];
        }
        else
        {
            var first = op.Args.Count > 0 && op.Args[0] is NameExpr n ? _scope.FindObject(n.Name) : null;
            var fitting = shaped.Where(s => s.Shape!.Operands == op.Args.Count && s.Shape.Results.Length == op.Targets.Count
                && (s.Shape.Object is null || s.Shape.Object == first?.Kind)).ToArray();
            if (fitting.Length != 1)
            {
                return false;
            }

            chosen = fitting[0];
        }

        var shape = chosen.Shape!;
        Shape(op, shape.Operands, shape.Results.Length, string.Format(CultureInfo.InvariantCulture, shape.Usage, name));
        var values = op.Args.Skip(shape.Object is null ? 0 : 1).Select(_exprs.Compile).ToArray();
        Emit(new Instr
        {
            Op = chosen.Op,
            Pos = op.Pos,
            A = shape.Object is { } kind ? Operand(op, 0, kind).Id : -1,
            E1 = values.ElementAtOrDefault(0),
            E2 = values.ElementAtOrDefault(1),
            B = shape.Results.Length > 0 ? Target(op, 0, shape.Results[0]) : -1,
            C = shape.Results.Length > 1 ? Target(op, 1, shape.Results[1]) : -1,
        });
        return true;
    }

    private void CompileWait(OpStmt op)
    {
        Shape(op, 2, 0, "wait c, m  (a condition variable and the mutex that guards it)");
        var cond = Operand(op, 0, ObjectKind.CondVar);
        var mutex = Operand(op, 1, ObjectKind.Mutex);
        Emit(new Instr { Op = OpCode.CondWait, Pos = op.Pos, A = cond.Id, B = mutex.Id, Text = $"wait {cond.Name}, {mutex.Name}" });
        Emit(new Instr { Op = OpCode.Reacquire, Pos = op.Pos, A = mutex.Id, Text = $"wait {cond.Name}, {mutex.Name}" });
    }

    private void CompilePut(OpStmt op, bool tryOnly)
    {
        Shape(op, 2, tryOnly ? 1 : 0, tryOnly ? "tryput q, value -> ok" : "put q, value");
        var queue = Operand(op, 0, ObjectKind.BoundedQueue);
        var value = _exprs.Compile(op.Args[1]);
        if (_scope.QueueKinds.TryGetValue(queue.Id, out var kind) && !Scope.Compatible(kind, value.Kind))
        {
            throw _scope.Error(op.Args[1].Pos, $"{queue.Name} holds {Scope.PluralText(kind)} (its first put decides), but this is {Scope.KindText(value.Kind)}");
        }

        _scope.QueueKinds.TryAdd(queue.Id, value.Kind);

        Emit(new Instr
        {
            Op = tryOnly ? OpCode.TryPut : OpCode.Put,
            Pos = op.Pos,
            A = queue.Id,
            E1 = value,
            B = tryOnly ? Target(op, 0, ValueKind.Bool) : -1,
        });
    }

    private void CompileTake(OpStmt op, bool tryOnly)
    {
        Shape(op, 1, tryOnly ? 2 : 1, tryOnly ? "trytake q -> item, ok" : "take q -> item");
        var queue = Operand(op, 0, ObjectKind.BoundedQueue);
        Emit(new Instr
        {
            Op = tryOnly ? OpCode.TryTake : OpCode.Take,
            Pos = op.Pos,
            A = queue.Id,
            B = Target(op, 0, _scope.QueueKinds.GetValueOrDefault(queue.Id, ValueKind.Int)),
            C = tryOnly ? Target(op, 1, ValueKind.Bool) : -1,
        });
    }

    private void Shape(OpStmt op, int args, int targets, string usage)
    {
        if (op.Args.Count != args)
        {
            throw _scope.Error(op.Pos, $"{op.Op.Name} takes {args} operand{(args == 1 ? "" : "s")}, found {op.Args.Count}; write `{usage}`");
        }

        if (op.Targets.Count != targets)
        {
            var want = targets == 0 ? "no result (remove the `->` part)" : $"{targets} result{(targets == 1 ? "" : "s")} after `->`";
            throw _scope.Error(op.Pos, $"{op.Op.Name} gives {want}; write `{usage}`");
        }
    }

    private ObjectInfo Operand(OpStmt op, int index, ObjectKind kind)
    {
        var arg = op.Args[index];
        var module = ObjectModules.Of(kind);
        var want = module.KindWord;
        if (arg is not NameExpr n)
        {
            throw _scope.Error(arg.Pos, $"{op.Op.Name} expects a {want} name here, found `{ExprPrinter.Print(arg)}`");
        }

        var obj = _scope.FindObject(n.Name);
        if (obj is null)
        {
            var elsewhere = _scope.WhyInvisible(n.Name);
            if (elsewhere.Length > 0)
            {
                throw _scope.Error(n.Pos, $"unknown {want} '{n.Name}'{elsewhere}");
            }

            var local = _scope.FindLocal(n.Name) is null ? "" : " (it is a local variable)";
            throw _scope.Error(n.Pos, $"unknown {want} '{n.Name}'{local}; declare it at the top, e.g. `{module.DeclarationWord} {n.Name}`");
        }

        if (obj.Kind != kind)
        {
            throw _scope.Error(n.Pos, $"{op.Op.Name} expects a {want}, but {n.Name} is a {obj.KindWord} (declared at line {obj.Pos.Line})");
        }

        return obj;
    }

    private int Target(OpStmt op, int index, ValueKind kind) => _scope.DeclareOrCheck(op.Targets[index], kind);

    /// <summary>The known operation closest in spelling, if it is close enough to be a typo.</summary>
    internal static string? Closest(string word) =>
        Operations
            .Select(o => (Op: o, Distance: EditDistance.Between(word.ToLowerInvariant(), o.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, (x.Op.Length + 1) / 2))
            .OrderBy(x => x.Distance)
            .Select(x => x.Op)
            .FirstOrDefault();

    private int ProcessOperand(OpStmt op)
    {
        var arg = op.Args[0];
        if (arg is not NameExpr n)
        {
            throw _scope.Error(arg.Pos, $"spawn expects a process name, found `{ExprPrinter.Print(arg)}`");
        }

        if (!_scope.ProcessIds.TryGetValue(n.Name, out var id))
        {
            var known = _scope.Processes.Count == 0 ? "none is declared" : $"declared: {string.Join(", ", _scope.Processes)}";
            throw _scope.Error(n.Pos, $"unknown process '{n.Name}' ({known}); declare it with `process {n.Name}:`");
        }

        if (id == _scope.Process)
        {
            throw _scope.Error(n.Pos, $"a process cannot spawn itself: its threads run only once {n.Name} is spawned by another process");
        }

        return id;
    }
}
