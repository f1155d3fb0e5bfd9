using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// The events of a broker that is down between its crash and its restart (see
/// <see cref="BrokerRestart"/>): what each means for the views, and its sentence.
/// </summary>
internal static class DowntimeSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.BrokerCrashed, EventClass.Fault, "broker-crashed") { ChangesObject = true },
        new(EventKind.BrokerWentDown, EventClass.Other, "broker-down") { ChangesObject = true },
        new(EventKind.BrokerBackUp, EventClass.Other, "broker-up") { ChangesObject = true, Tag = "restarted" },
        new(EventKind.PublishRefused, EventClass.Drop, "publish-refused") { Tag = "publish refused" },
        new(EventKind.GetRefused, EventClass.Other, "get-refused") { Tag = "get refused" },
        new(EventKind.ConsumeRefused, EventClass.Block, "consume-refused") { Tag = "consume refused" },
    ];

    /// <summary>The sentence, or null for another event.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        return e.Kind switch
        {
            EventKind.BrokerCrashed => w.Who == ""
                ? $"{w.Name} crashes (injected): it is down until its own next step restarts it, and only what it kept on disk will survive"
                : $"{w.Who} crashes {w.Name}: the broker is down until its own next step restarts it, and only what it kept on disk will survive",
            EventKind.BrokerWentDown =>
                $"{w.Name} is down: it kept {EventWords.Plural(e.Value, "message")} on disk and lost {e.Other}; every client connection is closed (until it is back a publish or a get fails, a receive waits, an ack is dropped)",
            EventKind.BrokerBackUp =>
                $"{w.Name} restarts and is back up with {EventWords.Plural(e.Value, "ready message")} from disk; every client connection recovers (a new channel, its consumers registered again, delivery tags from before are stale)",
            EventKind.PublishRefused when e.Count != 0 =>
                $"{w.Who} cannot publish {w.Value(ValueKind.Str)} to {w.Name}: {BrokerName(w)} is down (connection refused); publishing with confirms, it waits for {BrokerName(w)} to come back to publish it again",
            EventKind.PublishRefused =>
                $"{w.Who} publishes {w.Value(ValueKind.Str)} to {w.Name}, but {BrokerName(w)} is down (connection refused): the message is not sent, and without confirms {w.Who} goes on without it",
            EventKind.ConsumeRefused =>
                $"{w.Who} cannot consume from {w.Name}: {BrokerName(w)} is down (connection refused); it waits for {BrokerName(w)} to come back to consume again",
            EventKind.GetRefused => $"{w.Who} cannot get from {w.Name}: {BrokerName(w)} is down (connection refused); it gets \"\" and tag 0",
            _ => null,
        };
    }

    private static string BrokerName(in EventWords w) => w.Program.Objects[w.Event.Other].Name;
}
