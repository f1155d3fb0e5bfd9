namespace IpcLab.Conformance.Scenarios;

/// <summary>
/// A queue a scenario declares, with the arguments both sides understand. <see cref="MessageTtl"/>
/// is the queue's message TTL in the model's steps (RabbitMQ: <c>x-message-ttl</c>, see
/// <see cref="TtlMapping"/>); <see cref="DeliveryLimit"/> makes it a quorum queue on RabbitMQ,
/// the only kind that has <c>x-delivery-limit</c>.
/// </summary>
public sealed record QueueDecl(string Name)
{
    public IReadOnlyList<(string Exchange, string Key)> Bindings { get; init; } = [];

    /// <summary>Bindings to headers exchanges: the arguments "k=v,k=v" (string values) and x-match.</summary>
    public IReadOnlyList<HeadersBinding> HeaderBindings { get; init; } = [];

    public bool Durable { get; init; }

    public int MaxLength { get; init; }

    /// <summary>drop-head, reject-publish or reject-publish-dlx (RabbitMQ's x-overflow values); null: the default, drop-head.</summary>
    public string? Overflow { get; init; }

    public int MessageTtl { get; init; }

    public string? DeadLetterExchange { get; init; }

    public string? DeadLetterKey { get; init; }

    public int MaxPriority { get; init; }

    public int DeliveryLimit { get; init; }

    public bool Quorum => DeliveryLimit > 0;
}
