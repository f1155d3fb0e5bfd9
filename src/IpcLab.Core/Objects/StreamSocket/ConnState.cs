namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>The state of a stream connection slot.</summary>
public enum ConnState
{
    /// <summary>The slot is unused (or both ends have been closed).</summary>
    Free,

    /// <summary>Connected by a client, waiting in the listener's backlog to be accepted.</summary>
    Pending,

    /// <summary>Accepted: both ends have a descriptor (until they close).</summary>
    Accepted,

    /// <summary>Never accepted: the listener closed while it waited; only the client end is left, at end-of-file.</summary>
    Dropped,
}
