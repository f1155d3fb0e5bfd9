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

    /// <summary>A thread listens on stream socket Object and got descriptor Fd.</summary>
    SocketListened,

    /// <summary>A thread connected to stream socket Object and got Fd; the connection waits in the backlog, Count long (this one included).</summary>
    SocketConnected,

    /// <summary>A thread accepted a pending connection of stream socket Object on listening descriptor Other: it got Fd; the client's end is PeerFd of PeerProcess (-1 when already closed).</summary>
    SocketAccepted,

    /// <summary>A thread wrote the string Value on Fd, from byte Other on (all it had to send, or the rest); Count bytes are now in the buffer.</summary>
    SocketSent,

    /// <summary>A thread read the string Value on Fd, of Count bytes waiting; Other = the bytes it asked for, -1 for all.</summary>
    SocketReceived,

    /// <summary>A recv on Fd found the buffer empty and the peer's writing side closed: end-of-file (""); Other = 1 when the peer closed, 0 when it shut down writing.</summary>
    SocketEndOfFile,

    /// <summary>
    /// A socket operation could not go on and the thread blocks on Object: connect to a full
    /// backlog (Count pending), accept or recv with nothing there (on Fd), send into a full buffer
    /// (Fd, the string Value from byte Other, Count bytes written before it blocked), sendto a full
    /// queue (Count queued), select with nothing ready (Value = the watched descriptors as text).
    /// </summary>
    SocketBlocked,

    /// <summary>A thread blocked on socket Object can now make progress and will retry its operation; Value = why (a cause), with its Fd and Count.</summary>
    SocketWoken,

    /// <summary>A thread shut down the writing side of connection end Fd; Count bytes were still in the buffer.</summary>
    SocketShutdown,

    /// <summary>
    /// Descriptor Fd of Process, referring to Object, was closed, by close or (Thread -1) by the
    /// kernel when its process ended: Other = its last thread when it exited, -1 when it crashed.
    /// Value = what it was (a descriptor kind); Count = the connections dropped from the backlog,
    /// or the unread bytes or queued messages discarded; PeerFd, PeerProcess = the connection's other end.
    /// </summary>
    SocketClosed,

    /// <summary>A select found Count descriptors readable, Fd the first; Value = the watched ones and why the ready ones are, as text.</summary>
    Selected,

    /// <summary>A thread bound datagram socket Object and receives on Fd.</summary>
    SocketBound,

    /// <summary>The string Value went into the queue of datagram socket Object, which now holds Count.</summary>
    DatagramSent,

    /// <summary>The whole datagram Value came out of the queue of Object on Fd (cut to Other bytes when Other is shorter; -1: no limit); Count are left.</summary>
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

    /// <summary>At the end of the run: process Other could never start (only processes that never started spawn it). Value = why, in words.</summary>
    NeverStarted,

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

    /// <summary>The broker thread found nothing to do and idles until a publish, an ack or a consumer gives it work.</summary>
    BrokerIdle,

    /// <summary>The broker (Thread) has work again (Value: 0 a message to route, 1 a delivery to push) and is ready.</summary>
    BrokerWoken,

    /// <summary>A thread published Value (a body) to exchange Object with routing key Other (a string id); Count = the <see cref="Objects.Broker.PublishFlags"/> in its low byte and the message's priority above.</summary>
    MessagePublished,

    /// <summary>A publish blocked: broker Object has no room for every copy (Value = free slots, Count = copies it may need).</summary>
    PublishBlocked,

    /// <summary>A blocked publisher (Thread) was woken because broker Object has room again (Value 0) or is back up after a crash (Value 1; it publishes again, or Value 2: it consumes again, its consume refused while the broker was down).</summary>
    PublisherWoken,

    /// <summary>The broker routed Value (a body) into queue Object from exchange Other, with routing key Count (a string id).</summary>
    MessageRouted,

    /// <summary>No binding of exchange Object matched routing key Other (a string id): Value (a body) is dropped.</summary>
    MessageUnroutable,

    /// <summary>A mandatory message Value matched no binding of exchange Object: returned to its publisher Other ("no route"); Count = the key.</summary>
    MessageReturned,

    /// <summary>The broker pushed Value from queue Object to consumer Other with delivery tag Count.</summary>
    MessagePushed,

    /// <summary>The broker pushed Value from queue Object again, to consumer Other with delivery tag Count: redelivered.</summary>
    MessageRedelivered,

    /// <summary>A consumer took Value (delivery tag Count) from what queue Object pushed to it.</summary>
    DeliveryTaken,

    /// <summary>A consumer waits for queue Object to push it a delivery.</summary>
    DeliveryWaits,

    /// <summary>A thread consumes from queue Object with prefetch Value (0 = unlimited); Other = 1 for autoack.</summary>
    ConsumeStarted,

    /// <summary>A get took Value (delivery tag Count) from the head of queue Object.</summary>
    GetTook,

    /// <summary>A get found queue Object empty.</summary>
    GetEmpty,

    /// <summary>A thread acknowledged Value (delivery tag Count) from queue Object: it leaves the broker.</summary>
    MessageAcked,

    /// <summary>Value (delivery tag Count) goes back to queue Object at its original place, marked redelivered; Other = 0 nack, 1 reject, 2 the consumer ended.</summary>
    MessageRequeued,

    /// <summary>A thread nacked or rejected Value (delivery tag Count) from queue Object without requeue: it is discarded.</summary>
    MessageDiscarded,

    /// <summary>A consumer ended holding Value, pushed to it by queue Object with autoack: the broker forgot it at the push, so it is lost.</summary>
    AutoackLost,

    /// <summary>Queue Object was at its maximum length (Count): its oldest ready message Value is dropped to make room (overflow drop-head).</summary>
    MessageDroppedHead,

    /// <summary>Queue Object was at its maximum length (Count): the copy Value routed to it is refused (overflow reject-publish).</summary>
    MessageRefused,

    /// <summary>Value reached the head of queue Object after its TTL (Count steps) had passed: it is dropped, expired.</summary>
    MessageExpired,

    /// <summary>A record Value was appended to topic Object (see <see cref="Objects.Topic.LogFields"/>: partition, offset, key).</summary>
    RecordAppended,

    /// <summary>Retention deleted the oldest record Value of a full partition of topic Object; the partition's log start moves past its offset.</summary>
    RecordRetired,

    /// <summary>A thread joined consumer group Object.</summary>
    ConsumerJoined,

    /// <summary>A thread left consumer group Object (unsubscribe).</summary>
    ConsumerLeft,

    /// <summary>A member of consumer group Object ended (finished, faulted or crashed) and left it.</summary>
    ConsumerGone,

    /// <summary>A rebalance of consumer group Object moved a partition to Other (-1: nobody); see <see cref="Objects.Topic.LogFields"/> for the partition, the start position and the previous owner; Value = 1 when it starts at the committed offset, 0 at the log start.</summary>
    PartitionMoved,

    /// <summary>A thread read record Value from consumer group Object's topic at its position (partition, offset, key in <see cref="Objects.Topic.LogFields"/>).</summary>
    RecordPolled,

    /// <summary>A poll on consumer group Object found no record at the thread's positions and blocked.</summary>
    PollBlocked,

    /// <summary>Record Value went straight to Other, blocked in a poll on consumer group Object, which moved on (by a produce or a rebalance).</summary>
    PollHandedOver,

    /// <summary>A member's position in a partition of consumer group Object fell below the log start: it jumps there; Value = records it missed.</summary>
    PositionReset,

    /// <summary>A thread committed its position in a partition of consumer group Object (partition -1: it has none); Value = the committed offset before, or -1.</summary>
    OffsetCommitted,

    /// <summary>A thread moved its position in a partition of consumer group Object; Value = the position before.</summary>
    PositionSought,

    /// <summary>A record Value of topic Object (declared with <c>expire</c>) was kept its number of steps and is deleted; the partition's log start moves past its offset.</summary>
    RecordExpired,

    /// <summary>A record Value of topic Object (declared <c>cleanup compact</c>) was removed by compaction: a newer record of its key (see <see cref="Objects.Topic.LogFields"/>) was appended.</summary>
    RecordCompacted,

    /// <summary>A thread handled message Value (a number or a string id): the effect that must happen once per message.</summary>
    Handled,

    /// <summary>A copy Value that ended in broker queue Object for reason Count (see <see cref="Objects.Broker.DeathReason"/>) is dead-lettered: it goes back to the broker's inbox at exchange Other; Count holds the reason in its low four bits and the count of the message's x-death entry for (Object, reason) above. Other -2: it is dropped instead, for want of room in the broker for its copies; -3: dropped, its dead-letter exchange was lost in a restart (a dead-letter cycle is found when the dead letter is routed: <see cref="DeadLetterCycle"/>).</summary>
    MessageDeadLettered,

    /// <summary>A copy Value, returned to broker queue Object by thread Thread (Other: 0 nack, 1 reject, 2 its consumer ended), has been delivered Count times, more than the queue's delivery limit: it is not requeued but dead-lettered (reason delivery_limit), or dropped when the queue has no dead-letter exchange.</summary>
    MessagePoisoned,

    /// <summary>A thread handled message Value and recorded its id in processed-id table Object, in the same step: counted as handled, like <see cref="Handled"/>.</summary>
    HandledOnce,

    /// <summary>A thread came to handle message Value, but its id was already in processed-id table Object: it was handled before, and is not handled again.</summary>
    DuplicateSkipped,

    /// <summary>A plain producer's retried record Value was appended again to topic Object (partition, offset, key in <see cref="Objects.Topic.LogFields"/>): the partition now holds it twice.</summary>
    RecordRetried,

    /// <summary>An idempotent producer's retried record Value, sequence number Other, was already appended to topic Object at the offset in <see cref="Objects.Topic.LogFields"/>: acknowledged again, not appended.</summary>
    RetryDeduplicated,

    /// <summary>A member of consumer group Object declared <c>commit auto</c> committed its position in a partition as its poll started or as it unsubscribed (partition and offset in <see cref="Objects.Topic.LogFields"/>); Value = the committed offset before, or -1.</summary>
    OffsetAutoCommitted,

    /// <summary>Broker Object crashes and restarts in one step (Thread: the thread whose <c>restart</c> did it; an injected crash is <see cref="BrokerCrashed"/>); the events after it say what it lost and kept.</summary>
    BrokerRestarted,

    /// <summary>A copy Value did not survive a broker restart: it was in broker queue Object, or in the inbox at exchange Object; Other the reason (see <see cref="Objects.Broker.RestartLoss"/>).</summary>
    MessageLostInRestart,

    /// <summary>A persistent copy Value of durable broker queue Object, held unacknowledged by thread Other with delivery tag Count, comes back ready at its place after a broker restart, marked redelivered.</summary>
    MessageRecovered,

    /// <summary>Broker Object is back after its restart: Other copies were lost, Value kept; every client connection was closed and recovers.</summary>
    BrokerRecovered,

    /// <summary>A thread waiting for broker Object to confirm message Value never gets the confirm: the restart lost the message before it was routed; its publish runs again.</summary>
    PublishUnconfirmed,

    /// <summary>A thread settles delivery tag Value, from its channel that a restart of broker Object closed: the recovered client drops it (Other: 0 ack, 1 nack, 2 reject).</summary>
    SettleStale,

    /// <summary>Broker Object confirms message Value to its publisher Other: Count 1 ack (routed into every queue it goes to), 2 ack of an unroutable message (dropped or returned), 0 nack (a queue refused it at its maximum length).</summary>
    PublishConfirmed,

    /// <summary>No binding of exchange Object matches message Value (key Count, a string id): it goes on to Object's alternate exchange Other, in the same routing step.</summary>
    MessageToAlternate,

    /// <summary>Follower thread Thread copied record Value at the offset of the partition in <see cref="Objects.Topic.LogFields"/> of topic Object from the leader; Other = the high-water mark after.</summary>
    ReplicaFetched,

    /// <summary>Replica thread Thread of topic Object has nothing to fetch: it idles (an idle daemon, never a deadlock).</summary>
    ReplicaIdle,

    /// <summary>Idle replica thread Thread of topic Object has a record to fetch again.</summary>
    ReplicaWoken,

    /// <summary>Replica Other of topic Object left the ISR of the partition in <see cref="Objects.Topic.LogFields"/> (its broker's process ended); Value = the ISR's size after.</summary>
    ReplicaOutOfSync,

    /// <summary>Replica Other became the leader of the partition of topic Object (clean election: it was in sync); Count = its log end, Value = the new leader epoch.</summary>
    LeaderElected,

    /// <summary>Record Value at the offset of the partition of topic Object was only on the dead leader: the new leader Other does not have it, and it is gone.</summary>
    RecordTruncated,

    /// <summary>The partition of topic Object has no in-sync replica left to lead (unclean election is off): Other = the leader that died.</summary>
    PartitionOffline,

    /// <summary>Thread Thread's produce of Value to the partition and offset of topic Object is acknowledged; Other = its <see cref="Objects.Topic.ProduceAcks"/>.</summary>
    ProduceAcknowledged,

    /// <summary>Thread Thread's <c>acks(all)</c> produce of Value waits until every in-sync replica of the partition has the offset.</summary>
    ProduceAwaitingReplicas,

    /// <summary>Thread Thread's produce of Value to topic Object failed (its offset result is -1); Other = the <see cref="Objects.Topic.ProduceRefusal"/>.</summary>
    ProduceRefused,

    /// <summary>Broker thread Thread does not route dead letter Value from exchange Other into queue Object: it died there before and no death since was a rejection (a dead-letter cycle). Count = the reason of its newest death in Object in the low four bits, that entry's count above.</summary>
    DeadLetterCycle,

    /// <summary>Thread Thread cancelled its consumer of broker queue Object (basic.cancel); Value = how many deliveries of the queue it still holds unacknowledged.</summary>
    ConsumeCancelled,

    /// <summary>The broker process of replica Other of topic Object restarted after a crash: it comes back as a follower of the partition in <see cref="Objects.Topic.LogFields"/> (Value 0), or as its leader again when the partition was offline and it led it last (Value 1); Count = its log end.</summary>
    ReplicaRestarted,

    /// <summary>Replica Other of topic Object, restarted, truncates its log of the partition to the high-water mark it knew when it went down (Count); Value = its log end before.</summary>
    ReplicaLogTruncated,

    /// <summary>Replica Other of topic Object is back in the ISR of the partition: its log end (Count) reached the high-water mark; Value = the ISR's size after.</summary>
    ReplicaRejoined,

    /// <summary>Follower Other of topic Object left the ISR of the partition: it did not catch up with the leader's log end within the topic's <c>replicalag</c> appends; Count = its log end, Value = the ISR's size after.</summary>
    ReplicaLagged,

    /// <summary>The broker of replica Other of topic Object crashes (Thread: the thread whose <c>restart</c> did it, or -1 when injected): it is down until its own thread's next step restarts it.</summary>
    ReplicaBrokerDown,

    /// <summary>Broker Object crashes and stays down until its own step restarts it (Thread: the thread whose <c>crash</c> did it, or -1 when injected); the events after it say what it lost and kept on disk.</summary>
    BrokerCrashed,

    /// <summary>Broker Object is down after its crash: Other copies were lost, Value kept on disk; every client connection is closed.</summary>
    BrokerWentDown,

    /// <summary>Broker thread Thread restarts broker Object after its crash: it is back up with Value messages from disk (ready in its durable queues); every client connection recovers.</summary>
    BrokerBackUp,

    /// <summary>Thread Thread's publish of Value to exchange Object fails: broker Other is down (connection refused). Count 1: it published with confirm and waits for the broker to come back to publish again; 0: the message is not sent.</summary>
    PublishRefused,

    /// <summary>Thread Thread's get from broker queue Object fails: broker Other is down (connection refused); the get gives "" and tag 0.</summary>
    GetRefused,

    /// <summary>A broker restart (Count 0) or crash (Count 1) loses exchange or queue Object of broker Other: it was transient (not durable), so it is gone with every binding that touches it.</summary>
    ObjectLostInRestart,

    /// <summary>Thread Thread's consume of broker queue Object fails: broker Other is down (connection refused); the thread waits for it to come back and consumes again.</summary>
    ConsumeRefused,

    /// <summary>The reply to thread Thread's produce of Value, which the leader of the partition of topic Object has at the offset in <see cref="Objects.Topic.LogFields"/>, is lost on its way back (injected by the guarantee checker on a replicated topic whose producers retry): the thread stays at its produce and sends the record again with its next step.</summary>
    ReplyLost,
}
