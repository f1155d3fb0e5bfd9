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
        const string usage = "produce orders, value  or  produce orders, \"key\", value  (optionally -> offset, partition)";
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
        });
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
