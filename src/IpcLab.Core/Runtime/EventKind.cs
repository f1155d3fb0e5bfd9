namespace IpcLab.Core.Runtime;

/// <summary>What happened in a step. Each kind has one human sentence (see <see cref="EventText"/>).</summary>
public enum EventKind
{
    /// <summary>A thread acquired a free mutex (Object), or re-acquired it after a wait (Value = 1).</summary>
    Acquired,

    /// <summary>A thread found the mutex (Object) held by Other and joined its entry queue.</summary>
    BlockedOnMutex,

    /// <summary>A thread released a mutex (Object) that nobody was waiting for.</summary>
    Released,

    /// <summary>A thread released a mutex (Object) and it passed to Other, first in the entry queue.</summary>
    HandedOff,

    /// <summary>A trylock found the mutex (Object) held by Other and returned false.</summary>
    TryLockFailed,

    /// <summary>A thread released mutex Other and joined the wait queue of condition Object, in one step.</summary>
    Waiting,

    /// <summary>A signal on condition Object woke thread Other.</summary>
    Signalled,

    /// <summary>A signal on condition Object found no waiter: it is lost.</summary>
    SignalLost,

    /// <summary>A broadcast on condition Object woke Value threads.</summary>
    Broadcast,

    /// <summary>Thread woke from condition Object and must now re-acquire its mutex.</summary>
    Woken,

    /// <summary>Thread woke from condition Object without a signal (injected).</summary>
    SpuriousWakeup,

    /// <summary>P on semaphore Object took a unit (Value = count after).</summary>
    SemDown,

    /// <summary>P on semaphore Object found it at 0 and blocked.</summary>
    SemBlocked,

    /// <summary>V on semaphore Object added a unit (Value = count after).</summary>
    SemUp,

    /// <summary>V on semaphore Object handed its unit to Other, first in line.</summary>
    SemHandedOff,

    /// <summary>Value went into queue Object.</summary>
    Put,

    /// <summary>Value came out of queue Object.</summary>
    Took,

    /// <summary>A tryput found queue Object full, or a trytake found it empty.</summary>
    TryFailed,

    /// <summary>A thread read shared variable Object (Value) into a register: the first half of a read-modify-write.</summary>
    Loaded,

    /// <summary>A thread wrote Value into shared variable Object.</summary>
    Stored,

    /// <summary>A thread set a local variable (Other = local slot) to Value.</summary>
    LocalSet,

    /// <summary>A thread evaluated a condition (if / while) to Value (1 true, 0 false).</summary>
    Branched,

    /// <summary>A loop (for / repeat) moved on: Value is the loop variable or the iterations left; Other = 1 when the loop ended.</summary>
    Looped,

    /// <summary>A thread printed the text Value.</summary>
    Printed,

    /// <summary>An assertion held.</summary>
    AssertHeld,

    /// <summary>An assertion failed; the thread faults. Value = message.</summary>
    AssertFailed,

    /// <summary>A pass statement ran.</summary>
    Passed,

    /// <summary>The thread faulted: misuse or a runtime error. Value = message.</summary>
    Faulted,

    /// <summary>The thread crashed (injected). Holds on to what it held.</summary>
    Crashed,

    /// <summary>The thread ended its program; Object = a mutex it still holds, or -1.</summary>
    Finished,

    /// <summary>Threads wait for each other in a cycle of mutexes. Value = the wait-for chain in words.</summary>
    DeadlockCycle,

    /// <summary>No thread can run and some are blocked. Value = the wait-for graph in words.</summary>
    Deadlock,

    /// <summary>A final check held after all threads ended. Object = expectation index.</summary>
    ExpectHeld,

    /// <summary>A final check failed. Object = expectation index; Value = message.</summary>
    ExpectFailed,

    /// <summary>The run used up its step budget.</summary>
    BudgetExhausted,

    /// <summary>A whole process crashed (injected or scripted): Other = the process id, Value = how many of its threads were still alive.</summary>
    ProcessCrashed,

    /// <summary>A thread's process (Value) mapped segment Object.</summary>
    Mapped,

    /// <summary>A thread's process (Value) unmapped segment Object.</summary>
    Unmapped,

    /// <summary>A thread read word Other of segment Object (Value) into a register: the first half of a read-modify-write.</summary>
    ShmLoaded,

    /// <summary>A thread wrote Value into word Other of segment Object.</summary>
    ShmStored,

    /// <summary>A thread took over robust mutex Object, whose owner Other died holding it.</summary>
    OwnerDied,

    /// <summary>A thread spawned process Other; Value = its thread count.</summary>
    Spawned,

    /// <summary>A thread ended its process Other normally; Value = how many other threads of it stopped.</summary>
    ProcessExited,

    /// <summary>A thread read a range of words of segment Object in one step; Value = the text "s[0..2] = [1, 2, 3]".</summary>
    ShmRangeRead,

    /// <summary>A thread wrote one value into a range of words of segment Object (from word Other) in one step; Value = the text "7 to s[0..2] (3 words)".</summary>
    ShmRangeWritten,

    /// <summary>A thread listens on stream socket Object. Value = the detail in words (as for every socket event).</summary>
    SocketListened,

    /// <summary>A thread connected to stream socket Object; the connection waits in the backlog.</summary>
    SocketConnected,

    /// <summary>A thread accepted a pending connection of stream socket Object.</summary>
    SocketAccepted,

    /// <summary>A thread wrote bytes into a connection of stream socket Object (all it had to send, or the rest).</summary>
    SocketSent,

    /// <summary>A thread read bytes from a connection of stream socket Object.</summary>
    SocketReceived,

    /// <summary>A recv found the buffer empty and the peer's writing side closed: end-of-file ("").</summary>
    SocketEndOfFile,

    /// <summary>A socket operation could not go on (empty buffer, full buffer, full backlog, nothing ready) and the thread blocks on Object.</summary>
    SocketBlocked,

    /// <summary>A thread blocked on socket Object can now make progress; it will retry its operation.</summary>
    SocketWoken,

    /// <summary>A thread shut down the writing side of a connection of Object.</summary>
    SocketShutdown,

    /// <summary>A descriptor referring to Object was closed (by close, or by the kernel when its process ended or crashed).</summary>
    SocketClosed,

    /// <summary>A select found descriptors readable; Value says which and why.</summary>
    Selected,

    /// <summary>A thread bound datagram socket Object and receives on it.</summary>
    SocketBound,

    /// <summary>A datagram went into the queue of Object.</summary>
    DatagramSent,

    /// <summary>A whole datagram came out of the queue of Object.</summary>
    DatagramReceived,

    /// <summary>Value went into message queue Object with priority Other.</summary>
    MessageSent,

    /// <summary>A trysend found message queue Object full (Value = capacity), or a tryreceive found it empty.</summary>
    MessageTryFailed,

    /// <summary>A send blocked: message queue Object is full (Value = capacity); the message waits parked with its sender.</summary>
    SendBlocked,

    /// <summary>A thread received Value from message queue Object; Other = its priority.</summary>
    MessageReceived,

    /// <summary>A receive made room in message queue Object: the message Value that blocked sender Other had parked went in, and Other moved on.</summary>
    SenderResumed,

    /// <summary>A receive found message queue Object empty and blocked; Value = the timeout in steps, or -1 for none.</summary>
    ReceiveBlocked,

    /// <summary>A send gave Value straight to Other, which was blocked receiving on message queue Object; Other moved on.</summary>
    MessageHandedOver,

    /// <summary>A thread joined group Object.</summary>
    GroupJoined,

    /// <summary>A thread left group Object; Value = messages still in its inbox.</summary>
    GroupLeft,

    /// <summary>A send to group Object started: Other = copies it makes (multicast: one per member; broadcast: one per thread on the segment) or the one receiver (unicast, anycast); Value = the message.</summary>
    Published,

    /// <summary>A copy of Value went into the inbox of Other in group Object.</summary>
    CopyDelivered,

    /// <summary>A message Value for group Object was dropped because an inbox was full: Other's, or (Other = -1, an anycast) every member's.</summary>
    CopyDropped,

    /// <summary>Other's inbox in group Object was full: its oldest message Value was dropped to make room.</summary>
    OldestDropped,

    /// <summary>A sender blocked on group Object was woken to try again (an inbox got room); Other = the thread that made room, or -1.</summary>
    SenderWoken,

    /// <summary>A timed receive or a timed send on message queue Object reached its deadline: the thread gives up with ok = false.</summary>
    ReceiveTimedOut,

    /// <summary>No thread could run, so the clock of timed waits jumped to Value.</summary>
    ClockAdvanced,

    /// <summary>A thread ended while blocked sending Value to message queue Object: that message never entered the queue.</summary>
    PendingLost,

    /// <summary>A member of group Object ended (finished, faulted or crashed) and left it; Value = messages left undelivered in its inbox.</summary>
    MemberGone,

    /// <summary>A message Value for group Object had nobody to take it: unicast to Other, who is not a member, or (Other = -1) an anycast to an empty group.</summary>
    NotDelivered,

    /// <summary>A tryreceive found the thread's inbox in group Object empty.</summary>
    GroupTryFailed,

    /// <summary>A send to group Object blocked: the inbox of Other is full (-1: every member's, an anycast); Value = the message.</summary>
    GroupSendBlocked,

    /// <summary>A thread took Value from its own inbox in group Object.</summary>
    GroupReceived,

    /// <summary>A receive found the thread's inbox in group Object empty and blocked; Value = the timeout in steps, or -1 for none.</summary>
    GroupReceiveBlocked,

    /// <summary>A send to group Object gave its copy Value straight to Other, which was blocked receiving from it; Other moved on.</summary>
    GroupHandedOver,

    /// <summary>A timed receive on group Object reached its deadline: the thread gives up with ok = false.</summary>
    GroupReceiveTimedOut,
}
