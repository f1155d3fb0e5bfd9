using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>The topic's events: what each means for the views, and its sentence.</summary>
internal static class TopicSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.RecordAppended, EventClass.Other, "appended") { ChangesObject = true },
        new(EventKind.RecordRetired, EventClass.Drop, "retired"),
        new(EventKind.RecordExpired, EventClass.Drop, "expired"),
        new(EventKind.RecordCompacted, EventClass.Drop, "compacted"),
        new(EventKind.RecordRetried, EventClass.Other, "retried") { ChangesObject = true },
        new(EventKind.RetryDeduplicated, EventClass.Other, "retry-deduplicated"),
        new(EventKind.ReplyLost, EventClass.Other, "reply-lost") { Tag = "its acknowledgement is lost" },
    ];

    /// <summary>The sentence, or null for an event the topic does not emit.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        var topic = w.Object!;
        var (p, offset) = (LogFields.Partition(e), LogFields.Offset(e));
        return e.Kind switch
        {
            EventKind.RecordAppended => $"{w.Who} appends {w.Value(topic.ValueKind)} to {topic.Name}{Partitioned(w)} at offset {offset}{Sequenced(w)}",
            EventKind.RecordRetried when e.Other >= 0 => $"{w.Who} retries {w.Value(topic.ValueKind)} (its acknowledgement was lost): the leader of {topic.Name} partition {p} does not hold sequence {e.Other} of producer {w.Who} (a leader's crash truncated it), so the retry is appended, at offset {offset}",
            EventKind.RecordRetried when TopicSettings.IsReplicated(topic) => $"{w.Who} retries {w.Value(topic.ValueKind)} (its acknowledgement was lost): without idempotence the retry is appended again, to {topic.Name} partition {p} at offset {offset}; the partition now holds it twice, unless a leader's crash truncated the first",
            EventKind.RecordRetried => $"{w.Who} retries {w.Value(topic.ValueKind)} (its acknowledgement was lost): without idempotence the retry is appended again, to {topic.Name} partition {p} at offset {offset}; the partition now holds it twice",
            EventKind.ReplyLost => $"{w.Value(topic.ValueKind)} is in {topic.Name} partition {p} at offset {offset}, but the reply to {w.Who}'s produce is lost on its way back: {w.Who} does not move on, and sends the record again with its next step",
            EventKind.RetryDeduplicated => $"{w.Who} retries {w.Value(topic.ValueKind)} (its acknowledgement was lost): partition {p} of {topic.Name} already has sequence {e.Other} of producer {w.Who}, at offset {offset}; acknowledged again, not appended",
            EventKind.RecordRetired => $"partition {p} of {topic.Name} keeps {topic.Capacity} record{(topic.Capacity == 1 ? "" : "s")}: retention deletes the oldest, {w.Value(topic.ValueKind)} at offset {offset}; the log now starts at {offset + 1}",
            EventKind.RecordExpired => $"{w.Value(topic.ValueKind)} at offset {offset} of {topic.Name} partition {p} expires: appended at step {e.PeerProcess - 1}, it has been kept {TopicModule.ExpireOf(topic)} steps (expire {TopicModule.ExpireOf(topic)}); the log now starts at {offset + 1}",
            EventKind.RecordCompacted => $"compaction of {topic.Name}: {w.Value(topic.ValueKind)}{LogFields.KeyText(w)} at offset {offset} of partition {p} is removed, the newer value of its key is the one kept; offset {offset} stays empty",
            _ => null,
        };
    }

    /// <summary>" (producer boss, sequence 2)" for an idempotent producer's record, else "".</summary>
    private static string Sequenced(in EventWords w) => w.Event.Other < 0 ? "" : $" (producer {w.Who}, sequence {w.Event.Other})";

    /// <summary>How the partition was chosen: " (key "ab": hash 195, 195 mod 2 = partition 1)", " (no key: partition 0 in turn)".</summary>
    private static string Partitioned(in EventWords w)
    {
        var e = w.Event;
        var p = LogFields.Partition(e);
        var partitions = TopicModule.PartitionsOf(w.Object!);
        if (LogFields.Key(e) < 0)
        {
            return partitions == 1 ? "" : $" partition {p} (no key: the partitions in turn)";
        }

        var key = w.TextOf(LogFields.Key(e));
        var hash = KeyHash.Of(key);
        return partitions == 1
            ? $" (key \"{key}\")"
            : $" partition {p} (key \"{key}\": hash {hash}, {hash} mod {partitions} = {p})";
    }
}
