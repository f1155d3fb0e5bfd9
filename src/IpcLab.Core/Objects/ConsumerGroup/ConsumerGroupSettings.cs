using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// A consumer group's topic, packed into <see cref="ObjectInfo.Initial"/> (the topic's id and its
/// retention) and <see cref="ObjectInfo.Capacity"/> (its partitions), so the object record stays one
/// shape and the group's cells and functions need nothing but the group.
/// </summary>
public readonly record struct ConsumerGroupSettings(int TopicId, int Partitions, int Retain)
{
    public long Pack() => ((long)Retain << 32) | (uint)TopicId;

    public static ConsumerGroupSettings Of(ObjectInfo group) =>
        new((int)(group.Initial & 0xffffffff), group.Capacity, (int)(group.Initial >> 32));
}
