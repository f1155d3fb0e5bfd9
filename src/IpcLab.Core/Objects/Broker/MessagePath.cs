using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The path a broker message took, read from the events: published, routed into each queue,
/// pushed, taken, acknowledged, requeued, expired, dead-lettered, dropped; every copy of every
/// message with that body, in the order it happened.
/// </summary>
public static class MessagePath
{
    /// <summary>The kinds of event whose Value is a broker message's body.</summary>
    private static readonly HashSet<EventKind> Hops =
    [
        EventKind.MessagePublished, EventKind.MessageUnroutable, EventKind.MessageReturned, EventKind.MessageRouted,
        EventKind.MessagePushed, EventKind.MessageRedelivered, EventKind.DeliveryTaken, EventKind.GetTook,
        EventKind.MessageAcked, EventKind.MessageRequeued, EventKind.MessageDiscarded, EventKind.AutoackLost,
        EventKind.MessageDroppedHead, EventKind.MessageRefused, EventKind.MessageExpired, EventKind.MessageDeadLettered,
        EventKind.MessagePoisoned, EventKind.DeadLetterCycle,
    ];

    /// <summary>True for an event that moves a broker message, whose Value is then the message's body.</summary>
    public static bool IsHop(EventKind kind) => Hops.Contains(kind);

    /// <summary>The events of messages with this body so far, oldest first.</summary>
    public static IReadOnlyList<KernelEvent> Of(Kernel k, string body) =>
        k.Events.Where(e => Hops.Contains(e.Kind) && k.Strings[e.Value] == body).ToArray();

    /// <summary>The broker queues the message went into, in the order it was routed into them (a queue twice if it came back by a dead-letter cycle).</summary>
    public static IReadOnlyList<string> Queues(Kernel k, IReadOnlyList<KernelEvent> path) =>
        path.Where(e => e.Kind == EventKind.MessageRouted).Select(e => k.Program.Objects[e.Object].Name).ToArray();
}
