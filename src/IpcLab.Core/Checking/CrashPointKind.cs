namespace IpcLab.Core.Checking;

/// <summary>The kinds of crash point the guarantee checker injects faults at; a run or a report keeps the set of those it passed.</summary>
[Flags]
public enum CrashPointKind
{
    /// <summary>No crash point at all.</summary>
    None = 0,

    /// <summary>A client's process crashes before or after one of its statements (a send, handle, commit or ack).</summary>
    ClientStatement = 1,

    /// <summary>The AMQP broker crashes around a client's statement, down until its own step restarts it.</summary>
    BrokerRestart = 2,

    /// <summary>The partition's leader crashes right after a produce appended to it.</summary>
    LeaderCrash = 4,

    /// <summary>A follower's broker crashes before or after one of its fetches.</summary>
    FollowerCrash = 8,

    /// <summary>A produce reaches the log and its acknowledgement is lost: a retrying producer sends the record again.</summary>
    LostAck = 16,
}
