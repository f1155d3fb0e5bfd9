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
}
