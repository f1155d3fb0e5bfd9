namespace IpcLab.Conformance.Scenarios;

/// <summary>One dead-lettering in a message's history, as both sides report it (RabbitMQ's x-death entry).</summary>
public sealed record DeathSeen(string Queue, string Reason, long Count, string Exchange, string Key);

/// <summary>A message as a get or a delivery shows it: body, redelivered flag and death history (newest first).</summary>
public sealed record MessageSeen(string Body, bool Redelivered, IReadOnlyList<DeathSeen> Deaths)
{
    /// <summary>
    /// How many earlier deliveries failed (came back to the queue): RabbitMQ's x-delivery-count,
    /// which only quorum queues set (0 on a first delivery); null where it is not shown.
    /// </summary>
    public long? DeliveryCount { get; init; }

    public override string ToString()
    {
        var text = $"\"{Body}\"" + (Redelivered ? " redelivered" : "") + (DeliveryCount is { } n ? $" delivery-count {n}" : "");
        return Deaths.Count == 0
            ? text
            : text + " x-death " + string.Join(", ", Deaths.Select(d => $"{d.Queue} {d.Reason} x{d.Count} (exchange \"{d.Exchange}\", key \"{d.Key}\")"));
    }
}

/// <summary>The lines both runners write, spelled in one place so that only behaviour can differ.</summary>
public static class Observed
{
    public static string Confirm(Publish p, bool acked, bool returned) =>
        $"publish \"{p.Body}\": " + (returned ? "returned (no route), " : "") + (acked ? "ack" : "nack");

    /// <summary>The confirm of a pending publish: at once, or (unconfirmed) only for the publish again after the connection closed.</summary>
    public static string Reconfirmed(Publish p, bool unconfirmed, bool acked) =>
        unconfirmed ? $"publish \"{p.Body}\": unconfirmed (its connection closed), published again: " + (acked ? "ack" : "nack") : Confirm(p, acked, returned: false);

    public static string ChannelClosed(Publish p, string why) => $"publish \"{p.Body}\": {why}";

    /// <summary>A get the broker answered with a channel error: the channel is closed.</summary>
    public static string GetClosed(string queue, string why) => $"get {queue}: {why}";

    /// <summary>How a channel closed by RabbitMQ's NOT_FOUND reads (<paramref name="kind"/>: exchange or queue), as the RabbitMQ runner writes its shutdown reason.</summary>
    public static string NotFound(string kind, string name) => $"the broker closed the channel: 404 NOT_FOUND - no {kind} '{name}' in vhost '/'";

    public static string Got(string verb, string queue, long tag, MessageSeen? message) =>
        message is null ? $"{verb} {queue}: empty" : $"{verb} {queue}: {message} (tag {tag})";

    /// <summary>A receive that gets nothing: on the model nothing can ever come; on RabbitMQ nothing came within a bound.</summary>
    public static string NothingPushed(string queue) => $"receive {queue}: nothing pushed";

    public static string Drained(string queue, MessageSeen message) => $"drain {queue}: {message}";

    public static string DrainEnd(string queue) => $"drain {queue}: empty";

    public static string Counted(string queue, int ready) => $"count {queue}: {ready} ready";

    public static string CountedMissing(string queue) => $"count {queue}: no such queue";

    public const string Restarted = "restart: the broker is back";
}
