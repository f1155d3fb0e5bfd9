using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

// Operation statements: lock m, wait c, m, put q, x, take q -> x, ...
internal sealed partial class ThreadCompiler
{
    private static readonly string[] Operations =
        ["lock", "trylock", "unlock", "wait", "signal", "broadcast", "P", "V", "post", "put", "take", "tryput", "trytake", "map", "unmap", "spawn", "exit", "crash",
            "listen", "accept", "connect", "send", "recv", "shutdown", "close", "select", "poll", "bind", "sendto",
            "trysend", "timedsend", "receive", "tryreceive", "timedreceive", "join", "leave", "subscribe", "unsubscribe", "multicast", "anycast", "unicast"];

    private void CompileOp(OpStmt op)
    {
        var name = op.Op.Name;
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
            case "unlock":
                Shape(op, 1, 0, "unlock m");
                Emit(new Instr { Op = OpCode.Unlock, Pos = op.Pos, A = Operand(op, 0, ObjectKind.Mutex).Id });
                break;
            case "trylock":
                Shape(op, 1, 1, "trylock m -> ok");
                Emit(new Instr { Op = OpCode.TryLock, Pos = op.Pos, A = Operand(op, 0, ObjectKind.Mutex).Id, B = Target(op, 0, ValueKind.Bool) });
                break;
            case "wait":
                CompileWait(op);
                break;
            case "broadcast" when op.Args.Count == 2:
                CompileGroupSend(op);
                break;
            case "signal":
            case "broadcast":
                Shape(op, 1, 0, $"{name} c");
                Emit(new Instr { Op = name == "signal" ? OpCode.Signal : OpCode.Broadcast, Pos = op.Pos, A = Operand(op, 0, ObjectKind.CondVar).Id });
                break;
            case "P":
                Shape(op, 1, 0, "P s");
                Emit(new Instr { Op = OpCode.SemP, Pos = op.Pos, A = Operand(op, 0, ObjectKind.Semaphore).Id });
                break;
            case "V":
            case "post":
                Shape(op, 1, 0, $"{name} s");
                Emit(new Instr { Op = OpCode.SemV, Pos = op.Pos, A = Operand(op, 0, ObjectKind.Semaphore).Id });
                break;
            case "put":
            case "tryput":
                CompilePut(op, name == "tryput");
                break;
            case "take":
            case "trytake":
                CompileTake(op, name == "trytake");
                break;
            case "map":
            case "unmap":
            case "spawn":
            case "exit":
            case "crash":
                CompileProcessOp(op);
                break;
            case "send" when SendsAMessage(op):
                TryCompileMessaging(op);
                break;
            case "listen" or "accept" or "connect" or "send" or "recv" or "shutdown" or "close" or "select" or "poll" or "bind" or "sendto":
                CompileSocketOp(op);
                break;
            default:
                if (TryCompileMessaging(op))
                {
                    break;
                }

                var suggestion = Closest(name);
                var hint = suggestion is null ? "" : $" (did you mean '{suggestion}'?)";
                throw _scope.Error(op.Op.Pos, $"unknown operation '{name}'{hint}; expected one of {string.Join(", ", Operations)}, an assignment, or a statement (if, while, for, repeat, print, assert, pass)");
        }
    }

    private void CompileWait(OpStmt op)
    {
        if (op.Args.Count == 1 && op.Targets.Count == 0 && op.Args[0] is NameExpr n
            && _scope.FindObject(n.Name) is { Kind: ObjectKind.Semaphore } sem)
        {
            Emit(new Instr { Op = OpCode.SemP, Pos = op.Pos, A = sem.Id });
            return;
        }

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
        var want = KindWord(kind);
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
            throw _scope.Error(n.Pos, $"unknown {want} '{n.Name}'{local}; declare it at the top, e.g. `{DeclWord(kind)} {n.Name}`");
        }

        if (obj.Kind != kind)
        {
            throw _scope.Error(n.Pos, $"{op.Op.Name} expects a {want}, but {n.Name} is a {obj.KindWord} (declared at line {obj.Pos.Line})");
        }

        return obj;
    }

    private int Target(OpStmt op, int index, ValueKind kind) => _scope.DeclareOrCheck(op.Targets[index], kind);

    private static string KindWord(ObjectKind kind) => kind switch
    {
        ObjectKind.Mutex => "mutex",
        ObjectKind.CondVar => "condition variable",
        ObjectKind.Semaphore => "semaphore",
        ObjectKind.BoundedQueue => "queue",
        ObjectKind.SharedMemory => "shared-memory segment",
        ObjectKind.StreamSocket => "stream socket",
        ObjectKind.DatagramSocket => "datagram socket",
        ObjectKind.MessageQueue => "message queue",
        ObjectKind.Group => "group",
        _ => "shared variable",
    };

    private static string DeclWord(ObjectKind kind) => kind switch
    {
        ObjectKind.Mutex => "mutex",
        ObjectKind.CondVar => "cond",
        ObjectKind.Semaphore => "semaphore",
        ObjectKind.BoundedQueue => "queue",
        ObjectKind.SharedMemory => "shm",
        ObjectKind.StreamSocket => "socket",
        ObjectKind.DatagramSocket => "dgram",
        ObjectKind.MessageQueue => "mqueue",
        ObjectKind.Group => "group",
        _ => "shared",
    };

    /// <summary>The known operation closest in spelling, if it is close enough to be a typo.</summary>
    internal static string? Closest(string word) =>
        Operations
            .Select(o => (Op: o, Distance: EditDistance.Between(word.ToLowerInvariant(), o.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, (x.Op.Length + 1) / 2))
            .OrderBy(x => x.Distance)
            .Select(x => x.Op)
            .FirstOrDefault();
}
