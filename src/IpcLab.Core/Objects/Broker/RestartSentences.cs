using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>The events of a broker restart and of publisher confirms: what each means for the views, and its sentence.</summary>
internal static class RestartSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.BrokerRestarted, EventClass.Fault, "broker-restarted") { ChangesObject = true },
        new(EventKind.MessageLostInRestart, EventClass.Drop, "lost-in-restart"),
        new(EventKind.MessageRecovered, EventClass.Other, "recovered") { OtherIsThread = true, ChangesObject = true },
        new(EventKind.BrokerRecovered, EventClass.Other, "broker-recovered") { ChangesObject = true },
        new(EventKind.PublishUnconfirmed, EventClass.Wake, "unconfirmed") { Tag = "publishes again" },
        new(EventKind.SettleStale, EventClass.Other, "stale-tag"),
        new(EventKind.PublishConfirmed, EventClass.Wake, "confirmed") { OtherIsThread = true, TagsOther = true, Tag = "confirmed" },
        new(EventKind.ObjectLostInRestart, EventClass.Drop, "object-lost") { ChangesObject = true },
    ];

    /// <summary>The sentence, or null for another event.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        var body = e.Kind is EventKind.MessageLostInRestart or EventKind.MessageRecovered or EventKind.PublishUnconfirmed or EventKind.PublishConfirmed
            ? w.Value(ValueKind.Str) : "";
        return e.Kind switch
        {
            EventKind.BrokerRestarted => $"{w.Who} restarts {w.Name}: the broker crashes and comes back, and only what it kept on disk survives",
            EventKind.MessageLostInRestart => $"the {(e.Count != 0 ? "crash" : "restart")} loses {body} {Lost(w, body)}",
            EventKind.ObjectLostInRestart => w.Program.Objects[e.Object].Kind == Model.ObjectKind.Exchange
                ? $"the {(e.Count != 0 ? "crash" : "restart")} loses the exchange {w.Name} itself: it was transient (not durable), so it is gone with its bindings, and a publish to it fails (NOT_FOUND)"
                : $"the {(e.Count != 0 ? "crash" : "restart")} loses the queue {w.Name} itself: it was transient (not durable), so it is gone with its bindings, and a consume or get on it fails (NOT_FOUND)",
            EventKind.MessageRecovered when (e.Count & BrokerRestart.CrashMark) != 0 =>
                $"the crash takes {body} back from {w.Other} into {w.Name} at its place, marked redelivered: {w.Other} held it unacknowledged (delivery tag {e.Count & ~BrokerRestart.CrashMark}), and it is persistent in a durable queue, on disk",
            EventKind.MessageRecovered =>
                $"the restart puts {body} back into {w.Name} at its place, marked redelivered: {w.Other} held it unacknowledged (delivery tag {e.Count}), and it is persistent in a durable queue",
            EventKind.BrokerRecovered =>
                $"{w.Name} is back: it kept {EventWords.Plural(e.Value, "message")} and lost {e.Other}; every client connection was closed and recovers (a new channel, its consumers registered again, delivery tags from before are stale)",
            EventKind.PublishUnconfirmed when e.Count != 0 => $"{w.Who} never gets the confirm of {body}: {w.Name} crashed before routing it, so {w.Who} will publish it again once {w.Name} is back",
            EventKind.PublishUnconfirmed => $"{w.Who} never gets the confirm of {body}: {w.Name} restarted before routing it, so {w.Who} publishes it again",
            EventKind.SettleStale when e.Count != 0 =>
                $"{w.Who} {Settles(e.Other)} delivery tag {e.Value}, but {w.Name} is down: the channel of that delivery is closed, so the client cannot send it (the crash already took the delivery back)",
            EventKind.SettleStale =>
                $"{w.Who} {Settles(e.Other)} delivery tag {e.Value}, from the channel the restart of {w.Name} closed: the recovered client drops it, since that delivery ended with the old channel",
            EventKind.PublishConfirmed => e.Count switch
            {
                1 => $"{w.Name} confirms {body} to {w.Other} (ack): it is in every queue it was routed to",
                2 => $"{w.Name} confirms {body} to {w.Other} (ack): no queue took it, but an unroutable message is confirmed too",
                _ => $"{w.Name} confirms {body} to {w.Other} with a nack: a queue at its maximum length refused it (overflow reject-publish)",
            },
            _ => null,
        };
    }

    private static string Settles(int op) => op switch { 0 => "acks", 1 => "nacks", _ => "rejects" };

    private static string Lost(in EventWords w, string body) => (RestartLoss)w.Event.Other switch
    {
        RestartLoss.TransientQueue => $"from {w.Name}: {w.Name} is a transient queue (not durable), its messages lived only in memory",
        RestartLoss.NotPersistent => $"from {w.Name}: it was not published persistent, and a durable queue keeps only persistent messages on disk",
        RestartLoss.InFlight => $"published to {w.Name}: it was still in the broker's inbox, not routed into any queue yet",
        _ => $"pushed from {w.Name} to an autoack consumer that had not taken it: the broker had already forgotten {body}, and the client's buffer went with the connection",
    };
}
