using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// A consumer group's topic and assignor, packed into <see cref="ObjectInfo.Initial"/> (the topic's
/// id in the low 32 bits, its retention in the next 16, the assignor in the next 4, whether it
/// auto-commits above them, then its topic's replicas - 1 in 4 bits) and
/// <see cref="ObjectInfo.Capacity"/> (its partitions), so the object record stays one shape and the
/// group's cells and functions need nothing but the group.
/// </summary>
public readonly record struct ConsumerGroupSettings(int TopicId, int Partitions, int Retain)
{
    /// <summary>How the partitions are split among the members (range when not said).</summary>
    public Assignor Assignor { get; init; }

    /// <summary>True for a group declared <c>commit auto</c>: each poll first commits the member's positions, and so does unsubscribe (Kafka's enable.auto.commit).</summary>
    public bool AutoCommit { get; init; }

    /// <summary>How many replicas each partition of the group's topic has (1 without <c>replicas</c>): where its lag ends, at the high-water mark.</summary>
    public int Replicas { get; init; } = 1;

    public long Pack() => ((long)(Replicas - 1) << 53) | (AutoCommit ? 1L << 52 : 0) | ((long)Assignor << 48) | ((long)Retain << 32) | (uint)TopicId;

    /// <summary>
    /// The index in <paramref name="objects"/> of the first consumer group on topic
    /// <paramref name="topicId"/> at or after <paramref name="from"/>, or -1: the loop over a topic's
    /// groups, by index, since a produce is a hot step and a list's enumerator would be allocated each time.
    /// </summary>
    public static int NextOn(IReadOnlyList<ObjectInfo> objects, int topicId, int from)
    {
        for (var i = from; i < objects.Count; i++)
        {
            if (objects[i].Kind == ObjectKind.ConsumerGroup && Of(objects[i]).TopicId == topicId)
            {
                return i;
            }
        }

        return -1;
    }

    public static ConsumerGroupSettings Of(ObjectInfo group) =>
        new((int)(group.Initial & 0xffffffff), group.Capacity, (int)((group.Initial >> 32) & 0xffff)) { Assignor = (Assignor)((group.Initial >> 48) & 0xf), AutoCommit = ((group.Initial >> 52) & 1) != 0, Replicas = (int)((group.Initial >> 53) & 0xf) + 1 };
}
