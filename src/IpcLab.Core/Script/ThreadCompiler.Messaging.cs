using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Script;

// Message queues and groups: send, receive (plain, try, timed), join/leave, and the four
// delivery patterns unicast, multicast, broadcast, anycast. A receive compiles to the message
// queue's operation or the group's, by the kind of its operand.
internal sealed partial class ThreadCompiler
{
    /// <summary>
    /// `send` is two operations: to a message queue or a group (`send jobs, v`), or on a socket
    /// descriptor (`send fd, "text"`). The first operand decides: a declared object that is not a
    /// socket means the message form (whose errors then name the object's kind).
    /// </summary>
    private bool SendsAMessage(OpStmt op) =>
        op.Args.Count > 0 && op.Args[0] is NameExpr n && _scope.FindLocal(n.Name) is null
        && _scope.FindObject(n.Name) is { Kind: not (ObjectKind.StreamSocket or ObjectKind.DatagramSocket) };

    /// <summary>Compiles a messaging operation; false when the word is not one.</summary>
    private bool TryCompileMessaging(OpStmt op)
    {
        switch (op.Op.Name)
        {
            case "send":
            case "trysend":
                CompileSend(op, op.Op.Name == "trysend");
                return true;
            case "timedsend":
                CompileTimedSend(op);
                return true;
            case "receive":
                CompileReceive(op);
                return true;
            case "tryreceive":
                Shape(op, 1, 2, "tryreceive q -> message, ok");
                var from = Receivable(op, 0);
                Emit(new Instr
                {
                    Op = ObjectModules.OpOn("tryreceive", from.Kind), Pos = op.Pos, A = from.Id,
                    B = MessageTarget(op, 0, from), C = Target(op, 1, ValueKind.Bool),
                });
                return true;
            case "timedreceive":
                Shape(op, 2, 2, "timedreceive q, STEPS -> message, ok");
                var source = Receivable(op, 0);
                var steps = Number(op.Args[1], "a timeout (a number of steps)");
                Emit(new Instr
                {
                    Op = ObjectModules.OpOn("timedreceive", source.Kind), Pos = op.Pos, A = source.Id, E1 = steps,
                    B = MessageTarget(op, 0, source), C = Target(op, 1, ValueKind.Bool),
                });
                return true;
            case "join":
            case "subscribe":
            case "leave":
            case "unsubscribe":
                Shape(op, 1, 0, $"{op.Op.Name} g");
                var joins = op.Op.Name is "join" or "subscribe";
                Emit(new Instr { Op = joins ? OpCode.Join : OpCode.Leave, Pos = op.Pos, A = Operand(op, 0, ObjectKind.Group).Id, Text = op.Op.Name });
                return true;
            case "multicast":
            case "anycast":
                CompileGroupSend(op);
                return true;
            case "unicast":
                Shape(op, 3, 0, "unicast g, \"thread-name\", message");
                var group = Operand(op, 0, ObjectKind.Group);
                var name = _exprs.Compile(op.Args[1]);
                if (name.Kind != ValueKind.Str)
                {
                    throw _scope.Error(op.Args[1].Pos, $"unicast sends to a thread by its name, a string (e.g. \"worker-2\"), but `{ExprPrinter.Print(op.Args[1])}` is {Scope.KindText(name.Kind)}");
                }

                Emit(new Instr { Op = OpCode.Unicast, Pos = op.Pos, A = group.Id, E1 = name, E2 = MessageValue(group, op.Args[2]), Text = "unicast" });
                return true;
            default:
                return false;
        }
    }

    private void CompileSend(OpStmt op, bool tryOnly)
    {
        var usage = tryOnly ? "trysend q, message [, priority] -> ok" : "send q, message [, priority]";
        Shape(op, op.Args.Count == 3 ? 3 : 2, tryOnly ? 1 : 0, usage);
        var queue = Operand(op, 0, ObjectKind.MessageQueue);
        Emit(new Instr
        {
            Op = tryOnly ? OpCode.TrySendMessage : OpCode.SendMessage,
            Pos = op.Pos,
            A = queue.Id,
            E1 = MessageValue(queue, op.Args[1]),
            E2 = op.Args.Count == 3 ? Number(op.Args[2], "a priority (a number from 0 to 31)") : null,
            B = tryOnly ? Target(op, 0, ValueKind.Bool) : -1,
        });
    }

    /// <summary><c>timedsend q, message [, priority], STEPS -> ok</c>: the priority comes before the timeout, as in mq_timedsend.</summary>
    private void CompileTimedSend(OpStmt op)
    {
        Shape(op, op.Args.Count == 4 ? 4 : 3, 1, "timedsend q, message [, priority], STEPS -> ok");
        var queue = Operand(op, 0, ObjectKind.MessageQueue);
        Emit(new Instr
        {
            Op = OpCode.TimedSendMessage,
            Pos = op.Pos,
            A = queue.Id,
            E1 = MessageValue(queue, op.Args[1]),
            E2 = op.Args.Count == 4 ? Number(op.Args[2], "a priority (a number from 0 to 31)") : null,
            Args = [Number(op.Args[^1], "a timeout (a number of steps)")],
            B = Target(op, 0, ValueKind.Bool),
        });
    }

    private void CompileReceive(OpStmt op)
    {
        if (op.Args.Count == 1 && op.Targets.Count == 2)
        {
            // receive q -> message, priority: only a message queue has priorities.
            var queue = Operand(op, 0, ObjectKind.MessageQueue);
            Emit(new Instr { Op = OpCode.Receive, Pos = op.Pos, A = queue.Id, B = MessageTarget(op, 0, queue), C = Target(op, 1, ValueKind.Int) });
            return;
        }

        Shape(op, 1, 1, "receive q -> message  (or `receive q -> message, priority` on a message queue)");
        var from = Receivable(op, 0);
        Emit(new Instr { Op = ObjectModules.OpOn("receive", from.Kind), Pos = op.Pos, A = from.Id, B = MessageTarget(op, 0, from) });
    }

    /// <summary><c>multicast g, v</c>, <c>broadcast g, v</c>, <c>anycast g, v</c>.</summary>
    private void CompileGroupSend(OpStmt op)
    {
        var name = op.Op.Name;
        Shape(op, 2, 0, $"{name} g, message");
        var group = Operand(op, 0, ObjectKind.Group);
        Emit(new Instr
        {
            Op = name switch
            {
                "anycast" => OpCode.Anycast,
                "broadcast" => OpCode.GroupBroadcast,
                _ => OpCode.Publish,
            },
            Pos = op.Pos,
            A = group.Id,
            E1 = MessageValue(group, op.Args[1]),
            Text = name,
        });
    }

    /// <summary>The object to receive from: a message queue or a group.</summary>
    private ObjectInfo Receivable(OpStmt op, int index)
    {
        var arg = op.Args[index];
        if (arg is NameExpr n && _scope.FindObject(n.Name) is { } obj && obj.Kind != ObjectKind.MessageQueue && obj.Kind != ObjectKind.Group)
        {
            throw _scope.Error(n.Pos, $"{op.Op.Name} expects a message queue or a group, but {n.Name} is a {obj.KindWord} (declared at line {obj.Pos.Line})");
        }

        return arg is NameExpr name && _scope.FindObject(name.Name) is { Kind: ObjectKind.Group }
            ? Operand(op, index, ObjectKind.Group)
            : Operand(op, index, ObjectKind.MessageQueue);
    }

    /// <summary>A message's value; the first send to an object fixes the type of its messages.</summary>
    private CExpr MessageValue(ObjectInfo target, Expr expr)
    {
        var value = _exprs.Compile(expr);
        if (_scope.QueueKinds.TryGetValue(target.Id, out var kind) && !Scope.Compatible(kind, value.Kind))
        {
            throw _scope.Error(expr.Pos, $"{target.Name} carries {Scope.PluralText(kind)} (its first send decides), but this is {Scope.KindText(value.Kind)}");
        }

        _scope.QueueKinds.TryAdd(target.Id, value.Kind);
        return value;
    }

    private int MessageTarget(OpStmt op, int index, ObjectInfo source) =>
        Target(op, index, _scope.QueueKinds.GetValueOrDefault(source.Id, ValueKind.Int));

    private CExpr Number(Expr expr, string what)
    {
        var value = _exprs.Compile(expr);
        return value.Kind == ValueKind.Int
            ? value
            : throw _scope.Error(expr.Pos, $"expected {what} here, but `{ExprPrinter.Print(expr)}` is {Scope.KindText(value.Kind)}");
    }
}
