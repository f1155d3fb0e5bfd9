using IpcLab.Core.Objects;
using IpcLab.Core.Objects.ConsumerGroup;

namespace IpcLab.Core.Runtime;

// What a member's next poll would read, for checkpoint questions: the same choice its poll makes.
public sealed partial class Kernel
{
    /// <summary>The record a member's next poll on a consumer group reads (its partition, offset and value), or null when it would block or is no member.</summary>
    public (int Partition, long Offset, long Value)? NextPollRecord(int groupId, int thread)
    {
        var g = Program.Objects[groupId];
        IKernelServices k = this;
        if (!ConsumerGroupModule.CellsOf(k, g).IsMember(thread) || ConsumerPolls.ReadablePartition(k, g, thread) is not (var p and >= 0))
        {
            return null;
        }

        var topic = ConsumerPolls.TopicOf(k, g);
        var position = ConsumerGroupModule.CellsOf(k, g).Position(p);

        // As the poll does: a position retention left behind jumps to the log start, then compacted records are skipped.
        var offset = topic.NextLive(p, Math.Max(position, topic.Start(p)));
        return (p, offset, topic.Value(p, offset));
    }
}
