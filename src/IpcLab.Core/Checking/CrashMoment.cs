namespace IpcLab.Core.Checking;

/// <summary>When, around one crash-point statement, the guarantee checker crashes the thread's process.</summary>
public enum CrashMoment
{
    /// <summary>The thread is about to run the statement: it never happens.</summary>
    Before,

    /// <summary>The statement has just completed (the send was accepted, the message handled, the offset committed): nothing after it happens.</summary>
    After,

    /// <summary>The statement (a produce to a replicated topic) has just appended its record, and the process of the partition's leader crashes before a follower copied it.</summary>
    LeaderAfter,

    /// <summary>The statement (a produce of a retrying producer) reached the log, and its acknowledgement is lost: the producer sends the record again in the same step.</summary>
    AckLost,
}
