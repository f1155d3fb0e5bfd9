namespace IpcLab.Core.Objects.Exchange;

/// <summary>How an exchange picks the queues a published message goes to (AMQP 0-9-1 as RabbitMQ implements it).</summary>
public enum ExchangeType
{
    /// <summary>A binding matches when its key equals the routing key exactly.</summary>
    Direct,

    /// <summary>Every binding matches, whatever the key: publish/subscribe.</summary>
    Fanout,

    /// <summary>Keys are dot-separated words; a binding's `*` matches exactly one word, `#` zero or more.</summary>
    Topic,

    /// <summary>The message's headers are compared with the binding's arguments: all of them (`match all`) or any one (`match any`).</summary>
    Headers,
}
