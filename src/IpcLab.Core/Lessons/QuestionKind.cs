namespace IpcLab.Core.Lessons;

/// <summary>
/// What a checkpoint asks (the <c>answer:</c> field of a checkpoint block). The kernel computes the
/// answer from its state at the pause, with the reason; the lesson file never holds the answer.
/// </summary>
public enum QuestionKind
{
    /// <summary><c>answer: holder MUTEX</c>: the thread that holds the mutex, or "nobody".</summary>
    Holder,

    /// <summary><c>answer: runnable</c>: the threads that can take a step now (a set; "none" when none).</summary>
    Runnable,

    /// <summary><c>answer: waiters OBJECT</c>: the threads queued on a mutex, condition variable or semaphore, first first.</summary>
    Waiters,

    /// <summary><c>answer: contents OBJECT</c>: what a queue, message queue or datagram socket holds, in the order it will come out ("empty"); a shared-memory segment's words; a stream socket's bytes waiting in its connections (toward the server, then back).</summary>
    Contents,

    /// <summary><c>answer: value VARIABLE</c>: a shared variable's value now.</summary>
    Value,

    /// <summary><c>answer: status THREAD</c>: ready, blocked, waiting, finished, faulted or not started.</summary>
    Status,

    /// <summary><c>answer: receiver "MESSAGE"</c>: the threads a message went to so far (taken from a queue, received, or delivered to an inbox).</summary>
    Receiver,

    /// <summary><c>answer: copies "MESSAGE"</c>: the broker queues that hold a copy of the message now, ready or delivered and unacknowledged (a set; "none").</summary>
    Copies,

    /// <summary><c>answer: unacked THREAD</c>: the broker messages a thread holds delivered and not yet acknowledged, by delivery tag ("none").</summary>
    Unacked,

    /// <summary><c>answer: owner GROUP PARTITION</c>: the member of a consumer group that owns the partition, or "nobody".</summary>
    Owner,

    /// <summary><c>answer: committed GROUP PARTITION</c>: the group's committed offset in the partition (the next record it will read after a rebalance), or "none".</summary>
    Committed,

    /// <summary><c>answer: nextpoll GROUP THREAD</c>: the value the member's next poll on the group reads, or "nothing" when it would block (or is no member).</summary>
    NextPoll,

    /// <summary><c>answer: path "MESSAGE"</c>: the broker queues the message was routed into, in order; the reason is its whole path, hop by hop ("none" before it is routed).</summary>
    Path,

    /// <summary><c>answer: hwm TOPIC PARTITION</c>: the high-water mark of a replicated topic's partition, the offset consumers read up to.</summary>
    Hwm,

    /// <summary><c>answer: replicas TOPIC PARTITION OFFSET</c>: the live replicas (broker processes) whose log holds the offset now (a set; "none").</summary>
    Replicas,
}
