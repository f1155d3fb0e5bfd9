using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

// The idempotent consumer: `handleonce done, job` handles a message once per id, its table of
// processed ids telling a redelivery from a first delivery.
internal sealed partial class ThreadCompiler
{
    /// <summary><c>handleonce TABLE, MESSAGE</c>; the table keeps ids of the message's type (its first handleonce decides).</summary>
    private bool TryCompileHandleOnce(OpStmt op)
    {
        if (op.Op.Name != "handleonce")
        {
            return false;
        }

        const string usage = "handleonce done, message  (done a `table` of processed ids)";
        Shape(op, 2, 0, usage);
        var table = Operand(op, 0, ObjectKind.ProcessedIds);
        var message = _exprs.Compile(op.Args[1]);
        if (_scope.QueueKinds.TryGetValue(table.Id, out var kind) && !Scope.Compatible(kind, message.Kind))
        {
            throw _scope.Error(op.Args[1].Pos, $"{table.Name} keeps ids that are {Scope.PluralText(kind)} (its first handleonce decides), but this is {Scope.KindText(message.Kind)}");
        }

        _scope.QueueKinds.TryAdd(table.Id, message.Kind);
        Emit(new Instr { Op = OpCode.HandleOnce, Pos = op.Pos, A = table.Id, E1 = message });
        return true;
    }
}
