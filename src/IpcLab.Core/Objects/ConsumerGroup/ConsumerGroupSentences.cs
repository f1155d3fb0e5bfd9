using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>The consumer group's events: what each means for the views, and its sentence.</summary>
internal static class ConsumerGroupSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.ConsumerJoined, EventClass.Other, "subscribed") { ChangesObject = true },
        new(EventKind.ConsumerLeft, EventClass.Other, "unsubscribed") { ChangesObject = true },
        new(EventKind.ConsumerGone, EventClass.Other, "member-gone") { ChangesObject = true },
        new(EventKind.PartitionMoved, EventClass.Other, "partition-moved") { OtherIsThread = true, ChangesObject = true },
        new(EventKind.RecordPolled, EventClass.Deliver, "polled"),
        new(EventKind.PollBlocked, EventClass.Block, "blocked"),
        new(EventKind.PollHandedOver, EventClass.Deliver, "delivered") { OtherIsThread = true, TagsOther = true, Tag = "just got through" },
        new(EventKind.PositionReset, EventClass.Drop, "position-reset"),
        new(EventKind.OffsetCommitted, EventClass.Other, "committed") { ChangesObject = true },
        new(EventKind.PositionSought, EventClass.Other, "sought") { ChangesObject = true },
        new(EventKind.OffsetAutoCommitted, EventClass.Other, "auto-committed") { ChangesObject = true },
    ];

    /// <summary>The sentence, or null for an event the consumer group does not emit.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        if (w.Object is not { Kind: Model.ObjectKind.ConsumerGroup } g)
        {
            return null;
        }

        var topic = w.Program.Objects[ConsumerGroupSettings.Of(g).TopicId];
        var (who, p, offset) = (w.Who, LogFields.Partition(e), LogFields.Offset(e));
        return e.Kind switch
        {
            EventKind.ConsumerJoined => $"{who} joins consumer group {g.Name} on {topic.Name}",
            EventKind.ConsumerLeft => $"{who} leaves consumer group {g.Name}",
            EventKind.ConsumerGone => $"{who} has {(e.Value == 1 ? "crashed" : "ended")} and leaves consumer group {g.Name}",
            EventKind.PartitionMoved => Moved(w, topic.Name),
            EventKind.RecordPolled => $"{who} polls {g.Name}: reads {w.Value(topic.ValueKind)}{LogFields.KeyText(w)} from {topic.Name} partition {p} at offset {offset}; its position is now {offset + 1}",
            EventKind.PollBlocked => $"{who} blocks on {g.Name}: no record at its positions in {topic.Name}",
            EventKind.PollHandedOver => $"{w.Other} was waiting in poll and gets {w.Value(topic.ValueKind)}{LogFields.KeyText(w)} from partition {p} at offset {offset} at once",
            EventKind.PositionReset => $"{who}'s position in partition {p} of {topic.Name} fell below the log start {offset}: retention deleted {EventWords.Plural(e.Value, "record")} it never read; it jumps to {offset}",
            EventKind.OffsetCommitted => p < 0
                ? $"{who} commits to {g.Name}: no partition is assigned to it, nothing to commit"
                : $"{who} commits offset {offset} for partition {p} in {g.Name}" + (e.Value < 0 ? " (the first commit there)" : $" (was {e.Value})"),
            EventKind.OffsetAutoCommitted => $"{who} auto-commits offset {offset} for partition {p} in {g.Name}" + (e.Value < 0 ? "" : $" (was {e.Value})")
                + (w.Instr?.Op == Model.OpCode.Poll ? ", as its poll starts: every record polled before counts as processed, handled or not" : ", as it leaves the group"),
            EventKind.PositionSought => p < 0
                ? $"{who} seeks in {g.Name}: no partition is assigned to it, nothing moves"
                : $"{who} seeks partition {p} of {topic.Name} to offset {offset} (its position was {e.Value}); the committed offset stays until it commits",
            _ => null,
        };
    }

    /// <summary>"partition 1 of orders moves from a to b: b starts at the committed offset 3", "... to nobody (no member left)".</summary>
    private static string Moved(in EventWords w, string topic)
    {
        var e = w.Event;
        var before = e.PeerProcess - 1;
        var from = before < 0 ? "" : $" from {w.ThreadName(before)}";
        var head = $"rebalance of {w.Name}: partition {LogFields.Partition(e)} of {topic} moves{from}";
        if (e.Other < 0)
        {
            return $"{head} to nobody (no member left)";
        }

        var offset = LogFields.Offset(e);
        return e.Value == 1
            ? $"{head} to {w.Other}, which starts at the committed offset {offset}"
            : $"{head} to {w.Other}, which starts at the log start {offset} (nothing committed: auto.offset.reset=earliest)";
    }

    public static void WriteFields(in EventWords w, EventFieldWriter fields)
    {
        if (w.Event.Kind is EventKind.ConsumerJoined or EventKind.ConsumerLeft or EventKind.ConsumerGone or EventKind.PollBlocked)
        {
            return;
        }

        LogFields.Write(w, fields, hasKey: w.Event.Kind is EventKind.RecordPolled or EventKind.PollHandedOver);
        if (w.Event.Kind == EventKind.PartitionMoved && w.Event.PeerProcess > 0)
        {
            fields.Text("from", w.ThreadName(w.Event.PeerProcess - 1));
        }
    }
}
