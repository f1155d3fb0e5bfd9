namespace IpcLab.Core.Model;

/// <summary>
/// What one step of a thread does. Every instruction a thread executes is exactly one step;
/// control flow between instructions (jumping back to a loop header) is not a step.
/// </summary>
public enum OpCode
{
    /// <summary>Acquire mutex A, or join its entry queue and block. For a robust mutex, local B (if any) = 1 when its owner had died.</summary>
    Lock,

    /// <summary>Acquire mutex A if free; store 1/0 into local B. Never blocks.</summary>
    TryLock,

    /// <summary>Release mutex A; hand it to the first thread in its entry queue, if any.</summary>
    Unlock,

    /// <summary>First half of <c>wait c, m</c>: release mutex B and join condition A's wait queue, atomically.</summary>
    CondWait,

    /// <summary>Second half of <c>wait c, m</c>, after being woken: re-acquire mutex A (may block).</summary>
    Reacquire,

    /// <summary>Wake one waiter of condition A (FIFO unless the schedule chooses another); lost if none.</summary>
    Signal,

    /// <summary>Wake every waiter of condition A.</summary>
    Broadcast,

    /// <summary>Semaphore A: take a unit, or block until one is handed over.</summary>
    SemP,

    /// <summary>Semaphore A: hand a unit to the first waiter, or add it to the count.</summary>
    SemV,

    /// <summary>Queue A: append value E1; a fault when full.</summary>
    Put,

    /// <summary>Queue A: remove the head into local B; a fault when empty.</summary>
    Take,

    /// <summary>Queue A: append E1 if not full; store 1/0 into local B.</summary>
    TryPut,

    /// <summary>Queue A: remove the head into local B if not empty; store 1/0 into local C.</summary>
    TryTake,

    /// <summary>Read shared variable A into hidden local B (the "load" half of a read-modify-write line).</summary>
    Load,

    /// <summary>Evaluate E1 and store it into shared variable A (the "store" half).</summary>
    Store,

    /// <summary>Evaluate E1 into local B.</summary>
    SetLocal,

    /// <summary>Evaluate condition E1; continue at Next when true, at Jump when false.</summary>
    Branch,

    /// <summary>Loop start: local B = E1, hidden local C = E2 (the bound); skip the loop (Jump) when B &gt; C.</summary>
    ForInit,

    /// <summary>Loop end: B += 1; back to Next (body start) while B &lt;= C, else Jump.</summary>
    ForNext,

    /// <summary>Repeat start: hidden local B = E1; skip the loop (Jump) when B &lt;= 0.</summary>
    RepeatInit,

    /// <summary>Repeat end: B -= 1; back to Next (body start) while B &gt; 0, else Jump.</summary>
    RepeatNext,

    /// <summary>Print the values Args.</summary>
    Print,

    /// <summary>Check E1; a failed assertion (message E2) faults the thread.</summary>
    Assert,

    /// <summary>Do nothing for one step.</summary>
    Pass,

    /// <summary>Map shared-memory segment A into the calling thread's process.</summary>
    Map,

    /// <summary>Unmap shared-memory segment A from the calling thread's process.</summary>
    Unmap,

    /// <summary>Read word E1 of segment A into hidden local B (the "load" half of a read-modify-write line); with E2, words E1..E2 as one string.</summary>
    ShmLoad,

    /// <summary>Evaluate E1 and store it into word E2 of segment A (the "store" half); with Args[0], into every word E2..Args[0].</summary>
    ShmStore,

    /// <summary>Start the threads of process A, which waited to be spawned.</summary>
    Spawn,

    /// <summary>End the calling thread's whole process normally: every thread of it finishes, its descriptors close.</summary>
    Exit,

    /// <summary>Crash the calling thread's whole process (a scripted crash).</summary>
    CrashProcess,

    /// <summary>Stream socket A: start listening; the listening descriptor goes into local B.</summary>
    Listen,

    /// <summary>Listening descriptor E1: take the first pending connection into local B, or block.</summary>
    Accept,

    /// <summary>Stream socket A: connect (blocks while the backlog is full); the descriptor goes into local B.</summary>
    Connect,

    /// <summary>Descriptor E1: write the bytes of string E2 (hidden locals B = the string, C = bytes written + 1 while in progress); blocks while the buffer is full.</summary>
    Send,

    /// <summary>Descriptor E1: read up to E2 bytes (all available when E2 is null) into local B; blocks while empty; "" at end-of-file.</summary>
    Recv,

    /// <summary>Descriptor E1: stop writing; the peer reads end-of-file once the buffer is drained.</summary>
    Shutdown,

    /// <summary>Descriptor E1: close it and free its number.</summary>
    Close,

    /// <summary>Descriptors Args: block until one is readable; the first readable one goes into local B, how many are readable into local C (optional).</summary>
    Select,

    /// <summary>Datagram socket A: become its receiver; the descriptor goes into local B.</summary>
    Bind,

    /// <summary>Datagram socket A: queue message E1 for its receiver; blocks while the queue is full.</summary>
    SendTo,

    /// <summary>Message queue A: send E1 with priority E2 (0 when null); hands it to a waiting receiver, or blocks while full.</summary>
    SendMessage,

    /// <summary>Message queue A: send E1 with priority E2 if not full; store 1/0 into local B. Never blocks.</summary>
    TrySendMessage,

    /// <summary>Message queue A: receive the first message into local B (and its priority into local C when C &gt;= 0); blocks while empty.</summary>
    Receive,

    /// <summary>Message queue A: receive into local B if a message is there; store 1/0 into local C. Never blocks.</summary>
    TryReceive,

    /// <summary>Message queue A: like Receive, but gives up after E1 steps of the run with local C = 0 (C = 1 on success).</summary>
    TimedReceive,

    /// <summary>Group A: the thread becomes a member (from now on it gets copies).</summary>
    Join,

    /// <summary>Group A: the thread stops being a member; messages already in its inbox stay there.</summary>
    Leave,

    /// <summary>Group A: a copy of E1 to every member present now (multicast).</summary>
    Publish,

    /// <summary>Group A: E1 to exactly one member, chosen by the group's policy.</summary>
    Anycast,

    /// <summary>Group A: E2 to the one member whose thread name is E1.</summary>
    Unicast,

    /// <summary>Message queue A: like SendMessage (E1 with priority E2), but gives up after Args[0] steps of the run with local B = 0 (B = 1 on success).</summary>
    TimedSendMessage,

    /// <summary>Group A: a copy of E1 to every thread on the group's segment now, joined or not (see <see cref="ThreadInfo.AttachedGroups"/>).</summary>
    GroupBroadcast,

    /// <summary>Group A: take the oldest message of the thread's own inbox into local B; blocks while the inbox is empty.</summary>
    GroupReceive,

    /// <summary>Group A: take the oldest message of the thread's own inbox into local B if there is one; store 1/0 into local C. Never blocks.</summary>
    GroupTryReceive,

    /// <summary>Group A: like GroupReceive, but gives up after E1 steps of the run with local C = 0 (C = 1 on success).</summary>
    GroupTimedReceive,

    /// <summary>The broker's own thread, broker A: its oldest pending action (route the oldest published message, else push the oldest deliverable ready message); it idles when none is left.</summary>
    BrokerWork,

    /// <summary>Exchange A: publish body E2 with routing key (or, to a headers exchange, headers) E1; flags B (see <see cref="Objects.Broker.PublishFlags"/>). Blocks while the broker has no room for every copy it could make.</summary>
    BrokerPublish,

    /// <summary>Broker queue A: the thread becomes a consumer with prefetch E1 (0 = unlimited); B = 1 for autoack.</summary>
    Consume,

    /// <summary>Broker queue A: take the oldest delivery pushed to this thread into locals B (body) and C (delivery tag); blocks while there is none.</summary>
    DeliveryReceive,

    /// <summary>Broker queue A: pull its head into locals B (body) and C (delivery tag), or "" and 0 when the queue is empty.</summary>
    BrokerGet,

    /// <summary>Acknowledge the delivery tagged E1 (B = 1: and every earlier one) of the thread's channel; an unknown tag closes the channel.</summary>
    Ack,

    /// <summary>Negatively acknowledge the delivery tagged E1 (B bit 0: multiple; bit 1: discard instead of requeue).</summary>
    Nack,

    /// <summary>Reject the delivery tagged E1 (B bit 1: discard instead of requeue).</summary>
    Reject,

    /// <summary>Topic A: append E1 with key E2 (a string; null: no key, the next partition in turn) to the partition of the key's hash; offset into local B, partition into local C (each when &gt;= 0).</summary>
    Produce,

    /// <summary>Consumer group A: the thread becomes a member; the partitions are reassigned.</summary>
    ConsumerSubscribe,

    /// <summary>Consumer group A: the thread stops being a member; the partitions are reassigned.</summary>
    ConsumerUnsubscribe,

    /// <summary>Consumer group A: read the record at the thread's position in one of its partitions: value into local B, key into local C, partition and offset into the locals of Args[0] and Args[1] (<see cref="LocalExpr"/>s), each when present; blocks while none of its partitions has one.</summary>
    Poll,

    /// <summary>Consumer group A: the thread's positions in its partitions become the group's committed offsets.</summary>
    Commit,

    /// <summary>Consumer group A: move the thread's positions (see <see cref="Objects.ConsumerGroup.SeekTarget"/> in B): to the log start or end of each of its partitions, or partition E1 to offset E2.</summary>
    Seek,

    /// <summary>The message E1 is handled: the effect a delivery guarantee is about (<c>ipclab check --guarantee</c> counts each).</summary>
    Handle,

    /// <summary>Processed-id table A: when message E1's id is not in it, the message is handled and its id recorded, in one step (a transaction); when it is, the message is skipped.</summary>
    HandleOnce,

    /// <summary>Topic A: the thread's last record sent to it is sent again (its acknowledgement was lost); appended again by a plain producer, acknowledged without an append by an idempotent one.</summary>
    ProduceRetry,

    /// <summary>Broker A crashes and restarts, in one step: only persistent messages in durable queues survive, every client connection is closed and recovers.</summary>
    BrokerRestart,

    /// <summary>Replica B of topic A (a broker process's daemon thread): fetch the next record the partition's leader has and this follower lacks, or idle when it lacks none.</summary>
    ReplicaFetch,

    /// <summary>Broker queue A: the thread cancels its consumer (basic.cancel); the broker pushes it nothing more, and what it holds stays with its channel.</summary>
    BrokerCancel,

    /// <summary>Replica B of topic A: its broker process crashes (when it is up) and restarts; it comes back as a follower, truncates its log to the high-water mark it knew, and fetches until it rejoins the ISR.</summary>
    ReplicaRestart,

    /// <summary>Broker A crashes and stays down: what it held in memory is lost at once, and its own thread's next step restarts it (see <see cref="Objects.Broker.BrokerRestart"/>).</summary>
    BrokerCrash,

    /// <summary>Replica B of topic A: its broker crashes and stays down (out of every ISR, an election where it led) until its own thread's next step restarts it (see <see cref="Objects.Topic.ReplicaFailover"/>).</summary>
    ReplicaCrash,
}
