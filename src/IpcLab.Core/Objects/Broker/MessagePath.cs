using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The path a broker message took, read from the events: published, passed on to an alternate
/// exchange, routed into each queue (or returned or dropped as unroutable), pushed, taken,
/// acknowledged, requeued, expired, dead-lettered, dropped, lost in a broker restart or put back by
/// one, never confirmed to its publisher, in the order it happened: of one message (by its broker and id, <see cref="KernelEvent.Message"/>), or of every
/// message with a body.
/// </summary>
public static class MessagePath
{
    /// <summary>The kinds of event whose Value is a broker message's body.</summary>
    private static readonly HashSet<EventKind> Hops =
    [
        EventKind.MessagePublished, EventKind.MessageToAlternate, EventKind.MessageUnroutable, EventKind.MessageReturned, EventKind.MessageRouted,
        EventKind.MessagePushed, EventKind.MessageRedelivered, EventKind.DeliveryTaken, EventKind.GetTook,
        EventKind.MessageAcked, EventKind.MessageRequeued, EventKind.MessageDiscarded, EventKind.AutoackLost,
        EventKind.MessageDroppedHead, EventKind.MessageRefused, EventKind.MessageExpired, EventKind.MessageDeadLettered,
        EventKind.MessagePoisoned, EventKind.DeadLetterCycle, EventKind.MessageLostInRestart, EventKind.MessageRecovered,
        EventKind.PublishUnconfirmed,
    ];

    /// <summary>True for an event that moves a broker message, whose Value is then the message's body.</summary>
    public static bool IsHop(EventKind kind) => Hops.Contains(kind);

    /// <summary>The events of messages with this body so far, oldest first.</summary>
    public static IReadOnlyList<KernelEvent> Of(Kernel k, string body) =>
        k.Events.Where(e => Hops.Contains(e.Kind) && k.Strings[e.Value] == body).ToArray();

    /// <summary>The events of one message so far, every copy of it, oldest first.</summary>
    public static IReadOnlyList<KernelEvent> Of(Kernel k, int broker, long id) =>
        k.Events.Where(e => Hops.Contains(e.Kind) && e.Message == id && BrokerOf(k, e.Object) == broker).ToArray();

    /// <summary>The broker an object of it (the broker, an exchange or a broker queue) belongs to.</summary>
    public static int BrokerOf(Kernel k, int objectId) =>
        k.Program.Objects[objectId] is { Kind: ObjectKind.Broker } broker ? broker.Id : BrokerParts.BrokerOf(k.Program.Objects[objectId]);

    /// <summary>The broker queues the message went into, in the order it was routed into them (a queue twice if it came back by a dead-letter cycle).</summary>
    public static IReadOnlyList<string> Queues(Kernel k, IReadOnlyList<KernelEvent> path) =>
        path.Where(e => e.Kind == EventKind.MessageRouted).Select(e => k.Program.Objects[e.Object].Name).ToArray();
}
