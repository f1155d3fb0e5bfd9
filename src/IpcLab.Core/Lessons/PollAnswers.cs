using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>The answer to "what does the next poll return", read from the consumer group and its topic at the pause.</summary>
internal static class PollAnswers
{
    public static Answer NextPoll(Kernel k, int group, int thread)
    {
        var name = k.ThreadName(thread);
        var g = k.Program.Objects[group];
        var topic = k.Program.Objects[ConsumerGroupSettings.Of(g).TopicId];
        var partitions = k.ConsumerGroupPartitions(group);
        var owned = Enumerable.Range(0, partitions.Length).Where(p => partitions[p].Owner == thread)
            .Select(p => $"partition {p} at position {partitions[p].Position} (log end {k.TopicPartitions(topic.Id)[p].End})").ToArray();
        var where = owned.Length == 0 ? "it owns no partition" : "it owns " + string.Join(", ", owned);
        if (!k.ConsumerGroupMembers(group).Contains(thread))
        {
            return new Answer([], false, "nothing", $"{name} is not a member of {g.Name}: a poll would fault");
        }

        if (k.NextPollRecord(group, thread) is not { } next)
        {
            return new Answer([], false, "nothing", $"{where}: no record at any of its positions, so its poll blocks until a produce or a rebalance brings one");
        }

        var value = k.Format(topic.ValueKind, next.Value, quoteStrings: false);
        return new Answer([value], false, k.Format(topic.ValueKind, next.Value),
            $"{where}: its poll reads partition {next.Partition} at offset {next.Offset} (looking at its partitions in turn, from the one after the partition it read last)");
    }
}
