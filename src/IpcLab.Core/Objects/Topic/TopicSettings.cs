using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A topic's settings, packed into <see cref="ObjectInfo.Initial"/> so the object record stays one
/// shape: the partition count in the low 8 bits, the expiry in steps above them (0: never). Its
/// retention by count is <see cref="ObjectInfo.Capacity"/>.
/// </summary>
public static class TopicSettings
{
    public static long Pack(int partitions, long expire) => (long)partitions | (expire << 8);

    public static int PartitionsOf(ObjectInfo topic) => (int)(topic.Initial & 0xff);

    /// <summary>How many steps a record of the topic lives (retention by time, counted in steps), or 0 for ever.</summary>
    public static long ExpireOf(ObjectInfo topic) => topic.Initial >> 8;
}
