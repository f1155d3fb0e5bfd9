namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// One entry of a message's death history (RabbitMQ's x-death): it died <paramref name="Count"/>
/// times in <paramref name="Queue"/> for <paramref name="Reason"/>; when it first did, it had been
/// published to <paramref name="Exchange"/> with routing key <paramref name="Key"/>.
/// </summary>
/// <param name="Queue">The broker queue it died in (an object id).</param>
/// <param name="Exchange">The exchange it had been published to (an object id): by its publisher, or by its previous dead-lettering.</param>
public sealed record DeathEntry(int Queue, DeathReason Reason, long Count, int Exchange, string Key);
