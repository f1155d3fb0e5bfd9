namespace IpcLab.Core.Objects.Descriptors;

/// <summary>Why a socket operation that blocked could go on now (see <see cref="WakeReason"/>).</summary>
internal enum WakeCause
{
    /// <summary>It could not: it stays blocked.</summary>
    None,

    /// <summary>The descriptor it uses was closed (its retry faults).</summary>
    FdClosed,

    /// <summary>The peer of a connection it sends on closed (its retry faults: broken pipe).</summary>
    PeerClosed,

    /// <summary>The buffer it sends into has room.</summary>
    BufferHasRoom,

    /// <summary>A listening descriptor has a connection to accept.</summary>
    ConnectionToAccept,

    /// <summary>A connection has bytes to read.</summary>
    BytesToRead,

    /// <summary>A connection is at end-of-file.</summary>
    EndOfFile,

    /// <summary>A bound datagram socket has messages to read.</summary>
    MessagesToRead,

    /// <summary>Nobody listens on the path it connects to any more (its retry is refused).</summary>
    NobodyListens,

    /// <summary>The backlog of the path it connects to has room.</summary>
    BacklogHasRoom,

    /// <summary>Nobody is bound to the path it sends a datagram to any more (its retry is refused).</summary>
    NobodyBound,

    /// <summary>The queue of the datagram socket it sends to has room.</summary>
    QueueHasRoom,

    /// <summary>Its descriptor operand cannot be evaluated any more (its retry faults).</summary>
    OperandGone,
}
