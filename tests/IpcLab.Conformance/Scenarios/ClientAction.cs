namespace IpcLab.Conformance.Scenarios;

/// <summary>
/// One thing a client does in a scenario, on a named channel (a thread of the model, a channel
/// of RabbitMQ.Client). Observations are written by the runners, one line per action that has
/// something to show.
/// </summary>
public abstract record ClientAction(string Channel);

/// <summary>basic.publish with publisher confirms on: the observation is the confirm (ack or nack) and a basic.return for a mandatory message nothing routed.</summary>
public sealed record Publish(string Channel, string Exchange, string Key, string Body) : ClientAction(Channel)
{
    public bool Mandatory { get; init; }

    public bool Persistent { get; init; }

    /// <summary>0: none, else 0-255 (basic.properties priority).</summary>
    public int? Priority { get; init; }

    /// <summary>The message's TTL in the model's steps (see <see cref="TtlMapping"/>), or 0 for none.</summary>
    public int Ttl { get; init; }

    /// <summary>True when the key names a queue of the scenario (routed there by the default exchange as an alternate or dead-letter exchange), so it carries the run's prefix on RabbitMQ.</summary>
    public bool KeyNamesQueue { get; init; }

    /// <summary>
    /// The message's headers for a headers exchange, "k=v,k=v" (string values): the model takes them
    /// in the routing key's place, RabbitMQ as basic.properties headers (the key is then sent as well,
    /// and ignored by the exchange).
    /// </summary>
    public string? Headers { get; init; }

    /// <summary>
    /// Sent, and the scenario's next actions come before its confirm, which an
    /// <see cref="AwaitConfirm"/> of the same channel and body waits for. On the model the message
    /// waits in the broker's inbox; RabbitMQ is kept from reading it by a memory alarm (see the runner).
    /// </summary>
    public bool Pending { get; init; }
}

/// <summary>
/// Waits for the confirm of the channel's <see cref="Publish.Pending"/> publish of <see cref="Body"/>:
/// if the connection closed before it came (a restart), the client publishes the message again on a
/// new channel and waits for that confirm, as a publisher's loop around its wait for confirms does.
/// </summary>
public sealed record AwaitConfirm(string Channel, string Body) : ClientAction(Channel);

/// <summary>basic.get with manual acknowledgement; the tag is remembered under <see cref="Name"/> for a later settle.</summary>
public sealed record Get(string Channel, string Queue, string Name) : ClientAction(Channel);

/// <summary>basic.qos (prefetch) and basic.consume, with manual acknowledgements unless <see cref="AutoAck"/>.</summary>
public sealed record Consume(string Channel, string Queue, int Prefetch) : ClientAction(Channel)
{
    /// <summary>
    /// basic.consume with no-ack: the broker forgets each message as it pushes it. The model's
    /// <c>consume q, autoack</c> has no prefetch; RabbitMQ gets the basic.qos all the same, and ignores it.
    /// </summary>
    public bool AutoAck { get; init; }
}

/// <summary>basic.cancel of the channel's consumer of <see cref="Queue"/>: no more pushes; what it holds stays with the channel.</summary>
public sealed record Cancel(string Channel, string Queue) : ClientAction(Channel);

/// <summary>The next delivery pushed to the channel's consumer of <see cref="Queue"/>, remembered under <see cref="Name"/>.</summary>
public sealed record Receive(string Channel, string Queue, string Name) : ClientAction(Channel);

/// <summary>How a delivery is settled.</summary>
public enum Settlement
{
    /// <summary>basic.ack.</summary>
    Ack,

    /// <summary>basic.nack with requeue.</summary>
    NackRequeue,

    /// <summary>basic.nack without requeue (dead-lettered with reason rejected, or dropped).</summary>
    NackDiscard,

    /// <summary>basic.reject with requeue.</summary>
    RejectRequeue,

    /// <summary>basic.reject without requeue.</summary>
    RejectDiscard,
}

/// <summary>Settles the delivery remembered under <see cref="Name"/> (by a get or a receive of the same channel).</summary>
public sealed record Settle(string Channel, string Name, Settlement How) : ClientAction(Channel)
{
    /// <summary>Also every earlier unacknowledged delivery of the channel (ack and nack only; reject has no multiple).</summary>
    public bool Multiple { get; init; }
}

/// <summary>Closes the channel: its unacknowledged deliveries go back to their queues. It must be the channel's last action.</summary>
public sealed record CloseChannel(string Channel) : ClientAction(Channel);

/// <summary>The queue's ready message count (queue.declare passive): the observation.</summary>
public sealed record Count(string Channel, string Queue) : ClientAction(Channel);

/// <summary>
/// Waits until the queue holds <see cref="Ready"/> ready messages, then observes its count: the
/// point where both sides agree a TTL has passed. The model's channel loops (each turn a step of the
/// clock) while the broker drops what expired; RabbitMQ is polled, within a bound.
/// </summary>
public sealed record AwaitReady(string Channel, string Queue, int Ready) : ClientAction(Channel);

/// <summary>basic.get until the queue is empty: each message with its redelivered flag and death history, head first.</summary>
public sealed record Drain(string Channel, string Queue) : ClientAction(Channel);

/// <summary>The broker stops and starts again; channels used after it must be new ones.</summary>
public sealed record Restart(string Channel) : ClientAction(Channel);
