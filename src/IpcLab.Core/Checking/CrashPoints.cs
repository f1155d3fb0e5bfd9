using IpcLab.Core.Model;

namespace IpcLab.Core.Checking;

/// <summary>
/// The statements around which the guarantee checker injects crashes: every send that a queue,
/// a broker or a log accepts (put, send, publish, produce), every <c>handle</c>, every commit of a
/// consumer group's offsets, every broker acknowledgement and every step of a log replica's
/// broker (a follower's fetch; the leader's crash is <see cref="LeaderCrashPoint"/>). Around each,
/// the checker crashes the thread's process or, in a program with a broker, restarts the broker
/// (see <see cref="CrashingRun"/>). A new kind of crash point is one more entry here.
/// </summary>
public static class CrashPoints
{
    public static bool IsCrashPoint(OpCode op) => op is OpCode.Put or OpCode.SendMessage or OpCode.BrokerPublish or OpCode.Produce or OpCode.ProduceRetry
        or OpCode.Handle or OpCode.HandleOnce or OpCode.Commit or OpCode.Ack or OpCode.ReplicaFetch;

    /// <summary>True for a statement that handles a message: <c>handle</c>, or <c>handleonce</c> of an idempotent consumer.</summary>
    public static bool Handles(OpCode op) => op is OpCode.Handle or OpCode.HandleOnce;

    /// <summary>The statement's word as the report names it ("before commit").</summary>
    public static string Word(OpCode op) => op switch
    {
        OpCode.Put => "put",
        OpCode.SendMessage => "send",
        OpCode.BrokerPublish => "publish",
        OpCode.Produce => "produce",
        OpCode.ProduceRetry => "retry",
        OpCode.Handle => "handle",
        OpCode.HandleOnce => "handleonce",
        OpCode.Commit => "commit",
        OpCode.Ack => "ack",
        OpCode.ReplicaFetch => "fetch",
        _ => op.ToString(),
    };
}
