using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// A consumer group's topic and assignor, packed into <see cref="ObjectInfo.Initial"/> (the topic's
/// id in the low 32 bits, its retention in the next 16, the assignor above them) and
/// <see cref="ObjectInfo.Capacity"/> (its partitions), so the object record stays one shape and the
/// group's cells and functions need nothing but the group.
/// </summary>
public readonly record struct ConsumerGroupSettings(int TopicId, int Partitions, int Retain)
{
    /// <summary>How the partitions are split among the members (range when not said).</summary>
    public Assignor Assignor { get; init; }

    public long Pack() => ((long)Assignor << 48) | ((long)Retain << 32) | (uint)TopicId;

    public static ConsumerGroupSettings Of(ObjectInfo group) =>
        new((int)(group.Initial & 0xffffffff), group.Capacity, (int)((group.Initial >> 32) & 0xffff)) { Assignor = (Assignor)(group.Initial >> 48) };
}
