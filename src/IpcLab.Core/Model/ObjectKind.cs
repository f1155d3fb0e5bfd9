namespace IpcLab.Core.Model;

/// <summary>The kinds of shared object a script can declare.</summary>
public enum ObjectKind
{
    /// <summary>A lock with one owner and a FIFO entry queue; unlock hands it to the first waiter.</summary>
    Mutex,

    /// <summary>A Mesa-style condition variable: a wait queue; a woken thread must re-acquire its mutex.</summary>
    CondVar,

    /// <summary>A counting semaphore: P takes a unit or blocks, V gives one (to the first waiter if any).</summary>
    Semaphore,

    /// <summary>A plain bounded buffer. It never blocks: put on full and take from empty are faults.</summary>
    BoundedQueue,

    /// <summary>A shared int or string variable; reading and writing it are separate steps.</summary>
    SharedVar,

    /// <summary>A named shared-memory segment of int words; a process maps it before its threads read or write it.</summary>
    SharedMemory,

    /// <summary>A Unix stream socket named by a path: listen, connect, accept; each connection has two bounded byte buffers.</summary>
    StreamSocket,

    /// <summary>A Unix datagram socket named by a path: one bound receiver, a bounded queue of whole messages.</summary>
    DatagramSocket,

    /// <summary>A POSIX-style message queue: bounded, by priority (higher first, FIFO within one); send blocks when full, receive when empty.</summary>
    MessageQueue,

    /// <summary>A delivery group: members join and leave, each has a bounded inbox; unicast, multicast, broadcast and anycast send to it.</summary>
    Group,

    /// <summary>An AMQP-style message broker: a process of its own whose steps route published messages and push deliveries; it holds every message in flight.</summary>
    Broker,

    /// <summary>A broker's exchange (direct, fanout, topic or headers): the router a publisher sends to; its bindings decide which queues get a copy.</summary>
    Exchange,

    /// <summary>A broker's queue: FIFO of ready messages, each consumer's unacknowledged deliveries, and what became of every copy routed into it.</summary>
    BrokerQueue,

    /// <summary>A retained log (Kafka-style): partitions of records with dense offsets from 0; the oldest record goes when a partition is full, nobody's read deletes one.</summary>
    Topic,

    /// <summary>A consumer group on a topic: members subscribe, the partitions are split among them (range assignment), each polls at its own position and commits offsets for the group.</summary>
    ConsumerGroup,

    /// <summary>A table of processed message ids in a database outside every process: <c>handleonce</c> checks it, handles the message and records the id in one step (an idempotent consumer); a crash loses none of it.</summary>
    ProcessedIds,
}
