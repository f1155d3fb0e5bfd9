using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A topic's settings, packed into <see cref="ObjectInfo.Initial"/> so the object record stays one
/// shape: the partition count in the low 7 bits, whether it compacts in the 8th, whether its
/// producers are idempotent in the 9th, the expiry in steps above them (0: never). Its retention by count is <see cref="ObjectInfo.Capacity"/>.
/// </summary>
public static class TopicSettings
{
    public static long Pack(int partitions, long expire, bool compact, bool idempotent = false) =>
        (long)partitions | (compact ? 0x80L : 0) | (idempotent ? 0x100L : 0) | (expire << 9);

    public static int PartitionsOf(ObjectInfo topic) => (int)(topic.Initial & 0x7f);

    /// <summary>True for a topic declared <c>cleanup compact</c>: a keyed record removes the older ones of its key.</summary>
    public static bool Compacts(ObjectInfo topic) => (topic.Initial & 0x80) != 0;

    /// <summary>How many steps a record of the topic lives (retention by time, counted in steps), or 0 for ever.</summary>
    public static long ExpireOf(ObjectInfo topic) => topic.Initial >> 9;

    /// <summary>True for a topic declared <c>producers idempotent</c>: each record carries its producer and a sequence number, and a retried send is not appended twice.</summary>
    public static bool IdempotentProducers(ObjectInfo topic) => (topic.Initial & 0x100) != 0;
}
