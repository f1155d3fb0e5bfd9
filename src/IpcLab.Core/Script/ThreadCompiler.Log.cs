using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;

namespace IpcLab.Core.Script;

// The retained log: produce to a topic, poll and seek a consumer group (subscribe, unsubscribe
// and commit are plain operations their module shapes). `poll` is also the select of descriptors:
// the first operand decides, as for send.
internal sealed partial class ThreadCompiler
{
    /// <summary>True when `poll` names a consumer group (not descriptors).</summary>
    private bool PollsAGroup(OpStmt op) =>
        op.Args.Count > 0 && op.Args[0] is NameExpr n && _scope.FindLocal(n.Name) is null
        && _scope.FindObject(n.Name) is { Kind: ObjectKind.ConsumerGroup };

    private void CompileLogOp(OpStmt op)
    {
        switch (op.Op.Name)
        {
            case "produce": CompileProduce(op); break;
            case "poll": CompilePoll(op); break;
            default: CompileSeek(op); break;
        }
    }

    /// <summary><c>produce orders, value</c> or <c>produce orders, key, value</c>, with <c>-> offset</c> or <c>-> offset, partition</c>.</summary>
    private void CompileProduce(OpStmt op)
    {
        const string usage = "produce orders, value  or  produce orders, \"key\", value  (then optionally `, acks(0|1|all)`; optionally -> offset, partition)";
        var acks = ProduceAcksOf(op);
        op = op with { Args = [.. op.Args.Where(a => a is not CallExpr { Function.Name: "acks" })] };
        Shape(op, op.Args.Count == 3 ? 3 : 2, Math.Clamp(op.Targets.Count, 0, 2), usage);
        var topic = Operand(op, 0, ObjectKind.Topic);
        CExpr? key = null;
        if (op.Args.Count == 3)
        {
            key = _exprs.Compile(op.Args[1]);
            if (key.Kind != ValueKind.Str)
            {
                throw _scope.Error(op.Args[1].Pos, $"a key is a string (its characters make the hash that picks the partition), but `{ExprPrinter.Print(op.Args[1])}` is {Scope.KindText(key.Kind)}");
            }
        }

        Emit(new Instr
        {
            Op = OpCode.Produce,
            Pos = op.Pos,
            A = topic.Id,
            E1 = MessageValue(topic, op.Args[^1]),
            E2 = key,
            B = op.Targets.Count > 0 ? Target(op, 0, ValueKind.Int) : -1,
            C = op.Targets.Count > 1 ? Target(op, 1, ValueKind.Int) : -1,
            Args = acks is { } said ? [new ConstExpr(ValueKind.Int, (long)said)] : [],
        });
    }

    /// <summary>The produce's trailing <c>acks(0)</c>, <c>acks(1)</c> or <c>acks(all)</c>, or null when it has none (acks(all), Kafka's default).</summary>
    private Objects.Topic.ProduceAcks? ProduceAcksOf(OpStmt op)
    {
        var calls = op.Args.OfType<CallExpr>().Where(c => c.Function.Name == "acks").ToArray();
        if (calls.Length == 0)
        {
            return null;
        }

        if (calls.Length > 1 || op.Args[^1] != calls[0])
        {
            throw _scope.Error(calls[^1].Pos, "`acks(...)` is written once, after the value: `produce orders, \"order 1\", acks(all)`");
        }

        return calls[0].Args switch
        {
            [IntLit { Value: 0 }] => Objects.Topic.ProduceAcks.None,
            [IntLit { Value: 1 }] => Objects.Topic.ProduceAcks.Leader,
            [NameExpr { Name: "all" } all] when _scope.FindLocal(all.Name) is null => Objects.Topic.ProduceAcks.All,
            _ => throw _scope.Error(calls[0].Pos, "acks is 0 (do not wait), 1 (the leader has it) or all (every in-sync replica has it): `acks(all)`"),
        };
    }

    /// <summary><c>poll billing -> value</c>, <c>-> value, key</c> or <c>-> value, key, partition, offset</c>.</summary>
    private void CompilePoll(OpStmt op)
    {
        const string usage = "poll billing -> value  (or -> value, key  or -> value, key, partition, offset)";
        Shape(op, 1, op.Targets.Count is 1 or 2 or 4 ? op.Targets.Count : 1, usage);
        var group = Operand(op, 0, ObjectKind.ConsumerGroup);
        Emit(new Instr
        {
            Op = OpCode.Poll,
            Pos = op.Pos,
            A = group.Id,
            B = Target(op, 0, _scope.QueueKinds.GetValueOrDefault(ConsumerGroupSettings.Of(group).TopicId, ValueKind.Int)),
            C = op.Targets.Count > 1 ? Target(op, 1, ValueKind.Str) : -1,
            Args = op.Targets.Count == 4
                ? [new LocalExpr(ValueKind.Int, Target(op, 2, ValueKind.Int)), new LocalExpr(ValueKind.Int, Target(op, 3, ValueKind.Int))]
                : [],
        });
    }

    /// <summary><c>seek billing, beginning</c>, <c>seek billing, end</c> or <c>seek billing, PARTITION, OFFSET</c>.</summary>
    private void CompileSeek(OpStmt op)
    {
        const string usage = "seek billing, beginning  or  seek billing, end  or  seek billing, PARTITION, OFFSET";
        Shape(op, op.Args.Count == 3 ? 3 : 2, 0, usage);
        var group = Operand(op, 0, ObjectKind.ConsumerGroup);
        if (op.Args.Count == 3)
        {
            Emit(new Instr
            {
                Op = OpCode.Seek, Pos = op.Pos, A = group.Id, B = (int)SeekTarget.Offset,
                E1 = Number(op.Args[1], "a partition number"), E2 = Number(op.Args[2], "an offset"),
            });
            return;
        }

        var target = op.Args[1] is NameExpr { Name: "beginning" or "end" } where && _scope.FindLocal(where.Name) is null
            ? where.Name == "beginning" ? SeekTarget.Beginning : SeekTarget.End
            : throw _scope.Error(op.Args[1].Pos, $"seek goes to `beginning`, to `end`, or to a partition and an offset; write `{usage}`");
        Emit(new Instr { Op = OpCode.Seek, Pos = op.Pos, A = group.Id, B = (int)target });
    }
}
