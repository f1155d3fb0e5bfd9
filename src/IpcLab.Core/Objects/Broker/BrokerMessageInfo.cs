using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>One copy of a message as the views show it.</summary>
/// <param name="Exchange">The exchange it was published to (while in the inbox), else the queue it is in or came from (object ids).</param>
/// <param name="Consumer">The thread holding it, or -1.</param>
/// <param name="Tag">Its delivery tag while held, else 0.</param>
/// <param name="EnqueuedAt">The kernel clock when it entered a queue with a TTL (0 in the inbox or in a queue without one).</param>
/// <param name="Deliveries">How many times it was delivered; more than 0 on a ready copy means it was requeued (redelivered next time).</param>
public sealed record BrokerMessageInfo(
    string Body,
    string Key,
    MessagePlace Place,
    int Exchange,
    int Publisher,
    int Consumer,
    long Tag,
    long Deliveries,
    PublishFlags Flags,
    long EnqueuedAt)
{
    /// <summary>Why it was last dead-lettered (None: never), and how many times it was.</summary>
    public DeathReason LastDeath { get; init; }

    public long Deaths { get; init; }

    /// <summary>Its death history, newest first: one entry per (queue, reason) with a count (RabbitMQ's x-death); empty when it never died.</summary>
    public IReadOnlyList<DeathEntry> History { get; init; } = [];

    /// <summary>The exchange it was published to (by its publisher, or by its last dead-lettering), whatever queue it is in now.</summary>
    public int PublishedTo { get; init; } = -1;

    /// <summary>The priority its publisher gave it (0 when none).</summary>
    public int Priority { get; init; }

    /// <summary>Which message it is: its publish number in its broker, from 1, the same on every copy of it (see <see cref="KernelEvent.Message"/>).</summary>
    public long Id { get; init; }

    /// <summary>The TTL that applies to it in its queue (the lower of the queue's and its own), or 0 for none.</summary>
    public long Ttl { get; init; }
}
