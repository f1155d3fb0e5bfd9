using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;

namespace IpcLab.Core.Script;

// The replicated log: `restart orders, 1` crashes (when up) and restarts the broker of one replica;
// `crash orders, 1` crashes it, down until its own next step restarts it.
internal sealed partial class ThreadCompiler
{
    /// <summary><c>restart TOPIC, N</c>: the broker process of replica N (from 1) of a replicated topic crashes and restarts.</summary>
    private void CompileReplicaRestart(OpStmt op) =>
        CompileReplicaBroker(op, OpCode.ReplicaRestart, "restart", "restart TOPIC, N  (the broker of replica N of a replicated topic crashes and restarts)");

    /// <summary><c>crash TOPIC, N</c>: the broker process of replica N (from 1) of a replicated topic crashes, down until its own next step restarts it.</summary>
    private void CompileReplicaCrash(OpStmt op) =>
        CompileReplicaBroker(op, OpCode.ReplicaCrash, "crash", "crash TOPIC, N  (the broker of replica N of a replicated topic crashes, down until its own next step restarts it)");

    private void CompileReplicaBroker(OpStmt op, OpCode code, string word, string usage)
    {
        Shape(op, 2, 0, usage);
        var topic = Operand(op, 0, ObjectKind.Topic);
        var replicas = TopicSettings.ReplicasOf(topic);
        if (replicas == 1)
        {
            throw _scope.Error(op.Args[0].Pos, $"{topic.Name} has no replicas to {word}: declare it with `replicas 2` or more");
        }

        if (op.Args[1] is not IntLit { Value: var n } || n < 1 || n > replicas)
        {
            throw _scope.Error(op.Args[1].Pos, $"the replica to {word} is a number from 1 to {replicas}, the broker {topic.Name}-N's N: `{word} {topic.Name}, 1`");
        }

        Emit(new Instr { Op = code, Pos = op.Pos, A = topic.Id, B = (int)n - 1, Text = word });
    }
}
