using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.Exchange;

namespace IpcLab.Core.Script;

// The broker's client operations whose trailing words are options: publish, consume, ack, nack,
// reject. (receive and get on a broker queue compile from their shape; here only their errors.)
internal sealed partial class ThreadCompiler
{
    /// <summary>Compiles a broker operation; false when the word is not one.</summary>
    private bool TryCompileBroker(OpStmt op)
    {
        switch (op.Op.Name)
        {
            case "publish":
                CompilePublish(op);
                return true;
            case "consume":
                CompileConsume(op);
                return true;
            case "cancel":
                CompileCancel(op);
                return true;
            case "restart":
                CompileRestart(op);
                return true;
            case "crash" when op.Args.Count > 0:
                CompileBrokerCrash(op);
                return true;
            case "delete" when op.Args.Count > 0 && DefaultExchange.IsNamedBy(op.Args[0]):
                throw _scope.Error(op.Args[0].Pos, "\"\" is the default exchange, the broker's own: it cannot be deleted (every broker queue stays bound to it by its name)");
            case "ack" or "nack" or "reject":
                CompileSettle(op);
                return true;
            case "receive" or "get" when op.Args.Count > 0 && op.Args[0] is NameExpr n && _scope.FindObject(n.Name)?.Kind == ObjectKind.BrokerQueue:
                // Its shape did not fit (it would have compiled): say how it is written.
                Shape(op, 1, 2, $"{op.Op.Name} {n.Name} -> body, tag");
                throw _scope.Error(op.Pos, $"{op.Op.Name} on a broker queue is written `{op.Op.Name} {n.Name} -> body, tag`");
            default:
                return false;
        }
    }

    /// <summary><c>publish logs, "kern.error", "disk full"</c>, then optionally <c>mandatory</c>, <c>persistent</c>, <c>confirm</c> (<c>-> acked</c>), <c>ttl(N)</c> and <c>priority(N)</c>.</summary>
    private void CompilePublish(OpStmt op)
    {
        const string usage = "publish EXCHANGE, \"routing.key\", body  (then optionally `, mandatory`, `, persistent`, `, confirm`, `, ttl(STEPS)` and `, priority(N)`; with confirm, `-> acked`)";
        var confirms = op.Args.Any(a => a is NameExpr { Name: "confirm" });
        if (op.Args.Count < 3 || op.Targets.Count > (confirms ? 1 : 0))
        {
            if (op.Targets.Count > 0 && !confirms && op.Args.Count >= 3)
            {
                throw _scope.Error(op.Targets[0].Pos, $"only a publish with `confirm` gives a result (whether the broker acked it); write `{usage}`");
            }

            Shape(op, 3, 0, usage);
        }

        var exchange = DefaultExchange.IsNamedBy(op.Args[0]) ? TheDefaultExchange(op.Args[0]) : Operand(op, 0, ObjectKind.Exchange);
        var key = StringOperand(op.Args[1], "a routing key (for a headers exchange, the headers \"k=v,k=v\")");
        var body = StringOperand(op.Args[2], "a message body");
        var ttl = MessageNumber(op, "ttl", 1, 10_000, "a message's TTL is a whole number of steps from 1 to 10000: `ttl(5)`");
        var priority = MessageNumber(op, "priority", 0, 255, "a message's priority is a whole number from 0 to 255: `priority(5)`");
        var words = op with { Args = [.. op.Args.Where(a => a is not CallExpr { Function.Name: "ttl" or "priority" })] };
        var flags = TrailingWords(words, 3, usage, ("mandatory", (int)PublishFlags.Mandatory), ("persistent", (int)PublishFlags.Persistent), ("confirm", (int)PublishFlags.Confirm));

        // The local that gets the confirm, plus one, above the flags' byte (see Publishing).
        var acked = op.Targets.Count == 1 ? Target(op, 0, ValueKind.Bool) + 1 : 0;
        Emit(new Instr { Op = OpCode.BrokerPublish, Pos = op.Pos, A = exchange.Id, E1 = key, E2 = body, B = flags | (acked << 8), C = ttl | (priority << 16), Text = "publish" });
    }

    /// <summary>The exchange <c>""</c> names: the broker's default exchange (see <see cref="BrokerTopology"/>).</summary>
    private ObjectInfo TheDefaultExchange(Expr operand) =>
        _scope.FindObject(DefaultExchange.Name) ?? throw _scope.Error(operand.Pos, "\"\" is the default exchange, a broker's own: declare a broker first, e.g. `broker rabbit capacity 16`");

    /// <summary><c>restart rabbit</c>: the broker crashes and restarts.</summary>
    private void CompileRestart(OpStmt op)
    {
        const string usage = "restart BROKER  or  restart TOPIC, N";
        if (op.Args.Count == 2)
        {
            CompileReplicaRestart(op);
            return;
        }

        if (op.Args.Count != 1 || op.Targets.Count > 0)
        {
            Shape(op, 1, 0, usage);
        }

        var broker = Operand(op, 0, ObjectKind.Broker);
        Emit(new Instr { Op = OpCode.BrokerRestart, Pos = op.Pos, A = broker.Id, Text = "restart" });
    }

    /// <summary><c>crash rabbit</c>: the broker crashes and stays down until its own next step restarts it (plain <c>crash</c> crashes the caller's process).</summary>
    private void CompileBrokerCrash(OpStmt op)
    {
        const string usage = "crash BROKER  or  crash TOPIC, N  (or `crash` alone: the caller's own process crashes)";
        if (op.Args is [NameExpr { Name: var name }, _] && _scope.FindObject(name)?.Kind == ObjectKind.Topic)
        {
            CompileReplicaCrash(op);
            return;
        }

        if (op.Args.Count != 1 || op.Targets.Count > 0)
        {
            Shape(op, 1, 0, usage);
        }

        var broker = Operand(op, 0, ObjectKind.Broker);
        Emit(new Instr { Op = OpCode.BrokerCrash, Pos = op.Pos, A = broker.Id, Text = "crash" });
    }

    /// <summary>
    /// A message property from a trailing <c>ttl(N)</c> (its own TTL, the expiration property) or
    /// <c>priority(N)</c>, a whole number from <paramref name="min"/> to <paramref name="max"/>; 0 when absent.
    /// </summary>
    private int MessageNumber(OpStmt op, string name, int min, int max, string range)
    {
        var value = 0;
        var seen = false;
        for (var i = 3; i < op.Args.Count; i++)
        {
            if (op.Args[i] is not CallExpr call || call.Function.Name != name)
            {
                continue;
            }

            if (seen)
            {
                throw _scope.Error(call.Pos, $"`{name}` is written twice");
            }

            seen = true;
            value = call.Args is [IntLit n] && n.Value >= min && n.Value <= max
                ? (int)n.Value
                : throw _scope.Error(call.Pos, range);
        }

        return value;
    }

    /// <summary><c>consume jobs</c>, <c>consume jobs, 1</c> (prefetch 1), <c>consume jobs, autoack</c>.</summary>
    private void CompileConsume(OpStmt op)
    {
        const string usage = "consume QUEUE  or  consume QUEUE, PREFETCH  or  consume QUEUE, autoack";
        if (op.Args.Count is < 1 or > 2 || op.Targets.Count > 0)
        {
            Shape(op, 1, 0, usage);
        }

        var queue = Operand(op, 0, ObjectKind.BrokerQueue);
        var autoack = op.Args.Count == 2 && op.Args[1] is NameExpr { Name: "autoack" } && _scope.FindLocal("autoack") is null;
        var prefetch = op.Args.Count == 2 && !autoack ? Number(op.Args[1], "a prefetch count (0 = unlimited) or `autoack`") : null;
        Emit(new Instr { Op = OpCode.Consume, Pos = op.Pos, A = queue.Id, E1 = prefetch, B = autoack ? 1 : 0, Text = "consume" });
    }

    /// <summary><c>cancel jobs</c>: the thread's consumer of the queue ends (basic.cancel).</summary>
    private void CompileCancel(OpStmt op)
    {
        if (op.Args.Count != 1 || op.Targets.Count > 0)
        {
            Shape(op, 1, 0, "cancel QUEUE");
        }

        var queue = Operand(op, 0, ObjectKind.BrokerQueue);
        Emit(new Instr { Op = OpCode.BrokerCancel, Pos = op.Pos, A = queue.Id, Text = "cancel" });
    }

    /// <summary><c>ack tag</c> (<c>, multiple</c>); <c>nack tag</c> (<c>, multiple</c>, <c>, discard</c>); <c>reject tag</c> (<c>, discard</c>).</summary>
    private void CompileSettle(OpStmt op)
    {
        var word = op.Op.Name;
        (string Word, int Bit)[] options = word switch
        {
            "ack" => [("multiple", 1)],
            "nack" => [("multiple", 1), ("discard", 2)],
            _ => [("discard", 2)],
        };
        var usage = $"{word} TAG" + string.Concat(options.Select(o => $"  (then optionally `, {o.Word}`)"));
        if (op.Args.Count < 1 || op.Targets.Count > 0)
        {
            Shape(op, 1, 0, usage);
        }

        if (_scope.FindBroker() is null)
        {
            throw _scope.Error(op.Pos, $"{word} settles a delivery of a broker, but the program declares none: `broker rabbit capacity 16`");
        }

        var tag = Number(op.Args[0], "a delivery tag (a number, as receive or get gave it)");
        var flags = TrailingWords(op, 1, usage, options);
        var code = word switch { "ack" => OpCode.Ack, "nack" => OpCode.Nack, _ => OpCode.Reject };
        Emit(new Instr { Op = code, Pos = op.Pos, E1 = tag, B = flags, Text = word });
    }

    

    private CExpr StringOperand(Expr expr, string what)
    {
        var value = _exprs.Compile(expr);
        return value.Kind == ValueKind.Str
            ? value
            : throw _scope.Error(expr.Pos, $"expected {what} here, a string, but `{ExprPrinter.Print(expr)}` is {Scope.KindText(value.Kind)}");
    }

    /// <summary>The option words after the operands (`, mandatory`), each at most once, as bits.</summary>
    private int TrailingWords(OpStmt op, int from, string usage, params (string Word, int Bit)[] known)
    {
        var bits = 0;
        for (var i = from; i < op.Args.Count; i++)
        {
            var arg = op.Args[i];
            var found = arg is NameExpr n ? known.FirstOrDefault(k => k.Word == n.Name) : default;
            if (found.Word is null)
            {
                throw _scope.Error(arg.Pos, $"expected {string.Join(" or ", known.Select(k => $"`{k.Word}`"))} here, found `{ExprPrinter.Print(arg)}`; write `{usage}`");
            }

            if ((bits & found.Bit) != 0)
            {
                throw _scope.Error(arg.Pos, $"`{found.Word}` is written twice");
            }

            bits |= found.Bit;
        }

        return bits;
    }
}
