namespace IpcLab.Core.Objects.Descriptors;

/// <summary>
/// Why a blocked socket operation could go on now, or <see cref="None"/>: the wake-up's sentence
/// ("the buffer of fd 3 has room") and, for a readable descriptor, select's reason.
/// </summary>
/// <param name="Fd">The descriptor concerned, or -1.</param>
/// <param name="Count">The bytes or messages waiting, for the causes that have some.</param>
internal readonly record struct WakeReason(WakeCause Cause, long Fd = -1, long Count = 0)
{
    public static WakeReason None => default;

    /// <summary>The reason a wake-up event carries: its Value is the cause, its Fd and Count the rest.</summary>
    public static WakeReason Of(Runtime.KernelEvent e) => new((WakeCause)e.Value, e.Fd, e.Count);

    public bool CanProceed => Cause != WakeCause.None;

    /// <summary>The reason in words; <paramref name="path"/> is the path of the socket the thread waits on.</summary>
    public string Text(string path) => Cause switch
    {
        WakeCause.FdClosed => $"fd {Fd} has been closed",
        WakeCause.PeerClosed => $"the peer of fd {Fd} has closed",
        WakeCause.BufferHasRoom => $"the buffer of fd {Fd} has room",
        WakeCause.ConnectionToAccept => $"fd {Fd} has a connection to accept",
        WakeCause.BytesToRead => $"fd {Fd} has {Count} byte{SocketEvent.Plural(Count)} to read",
        WakeCause.EndOfFile => $"fd {Fd} is at end-of-file",
        WakeCause.MessagesToRead => $"fd {Fd} has {Count} message{SocketEvent.Plural(Count)} to read",
        WakeCause.NobodyListens => $"nobody listens on {path} any more",
        WakeCause.BacklogHasRoom => $"the backlog of {path} has room",
        WakeCause.NobodyBound => $"nobody is bound to {path} any more",
        WakeCause.QueueHasRoom => $"the queue of {path} has room",
        WakeCause.OperandGone => "its operand can no longer be evaluated",
        _ => "it cannot go on",
    };

    /// <summary>The cause as the JSON trace names it ("bytes-to-read").</summary>
    public string Name => Cause switch
    {
        WakeCause.FdClosed => "fd-closed",
        WakeCause.PeerClosed => "peer-closed",
        WakeCause.BufferHasRoom => "buffer-has-room",
        WakeCause.ConnectionToAccept => "connection-to-accept",
        WakeCause.BytesToRead => "bytes-to-read",
        WakeCause.EndOfFile => "end-of-file",
        WakeCause.MessagesToRead => "messages-to-read",
        WakeCause.NobodyListens => "nobody-listens",
        WakeCause.BacklogHasRoom => "backlog-has-room",
        WakeCause.NobodyBound => "nobody-bound",
        WakeCause.QueueHasRoom => "queue-has-room",
        WakeCause.OperandGone => "operand-gone",
        _ => "none",
    };
}
