using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;

namespace IpcLab.Core.Script;

// The replicated log: `restart orders, 1` crashes (when up) and restarts the broker of one replica.
internal sealed partial class ThreadCompiler
{
    /// <summary><c>restart TOPIC, N</c>: the broker process of replica N (from 1) of a replicated topic crashes and restarts.</summary>
    private void CompileReplicaRestart(OpStmt op)
    {
        const string usage = "restart TOPIC, N  (the broker of replica N of a replicated topic crashes and restarts)";
        Shape(op, 2, 0, usage);
        var topic = Operand(op, 0, ObjectKind.Topic);
        var replicas = TopicSettings.ReplicasOf(topic);
        if (replicas == 1)
        {
            throw _scope.Error(op.Args[0].Pos, $"{topic.Name} has no replicas to restart: declare it with `replicas 2` or more");
        }

        if (op.Args[1] is not IntLit { Value: var n } || n < 1 || n > replicas)
        {
            throw _scope.Error(op.Args[1].Pos, $"the replica to restart is a number from 1 to {replicas}, the broker {topic.Name}-N's N: `restart {topic.Name}, 1`");
        }

        Emit(new Instr { Op = OpCode.ReplicaRestart, Pos = op.Pos, A = topic.Id, B = (int)n - 1, Text = "restart" });
    }
}
