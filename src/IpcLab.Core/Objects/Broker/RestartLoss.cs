namespace IpcLab.Core.Objects.Broker;

/// <summary>Why a copy of a message did not survive a broker restart: only a persistent message in a durable queue is on disk.</summary>
public enum RestartLoss
{
    /// <summary>It was in a transient queue (not <c>durable true</c>): the queue's contents lived only in memory.</summary>
    TransientQueue = 0,

    /// <summary>It was in a durable queue but not published <c>persistent</c>: a durable queue keeps only persistent messages on disk.</summary>
    NotPersistent = 1,

    /// <summary>It was in the broker's inbox, published but not routed yet: it had not reached any queue.</summary>
    InFlight = 2,

    /// <summary>It was pushed to an autoack consumer that had not taken it: the broker had already forgotten it, and the client's buffer went with the connection.</summary>
    AutoackBuffer = 3,
}
