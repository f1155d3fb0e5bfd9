namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>How a thread consumes from a broker queue.</summary>
public enum ConsumerMode
{
    /// <summary>Not a consumer: it may still hold messages it fetched with get.</summary>
    None = 0,

    /// <summary>Pushed deliveries, acknowledged by the program (ack, nack, reject); at most prefetch unacknowledged.</summary>
    ManualAck = 1,

    /// <summary>Pushed deliveries the broker forgets as it sends them (no prefetch limit, as in RabbitMQ): at-most-once.</summary>
    AutoAck = 2,

    /// <summary>It consumed and cancelled (basic.cancel): the broker pushes it nothing more; the deliveries it holds stay with its channel until it settles them or the channel closes.</summary>
    Cancelled = 3,
}
