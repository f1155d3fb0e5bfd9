using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// <c>seek g, beginning</c>, <c>seek g, end</c>, <c>seek g, PARTITION, OFFSET</c>: a member moves its
/// own positions. Only positions move: the committed offsets stay until the member commits, which
/// is the one way a committed offset goes backwards.
/// </summary>
internal static class ConsumerSeeks
{
    public static void Seek(IKernelServices k, int t, int pc, Instr instr, ObjectInfo g)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        var topic = ConsumerPolls.TopicOf(k, g);
        var topicName = k.ObjectName(ConsumerGroupSettings.Of(g).TopicId);
        if ((SeekTarget)instr.B == SeekTarget.Offset)
        {
            var p = k.Eval(t, instr.E1!);
            var offset = k.Eval(t, instr.E2!);
            if (p < 0 || p >= group.Partitions || group.Owner((int)p) != t)
            {
                var mine = Owned(group, t);
                throw new ThreadFaultException($"seeks in partition {p} of {topicName}, which is not assigned to it in {g.Name} (its partitions: {(mine.Length == 0 ? "none" : string.Join(", ", mine))})");
            }

            // A consumer's end is the high-water mark of a replicated topic: it never reads past it.
            var end = Replication.ReadableEnd(k, k.Program.Objects[ConsumerGroupSettings.Of(g).TopicId], (int)p);
            if (offset < 0 || offset > end)
            {
                throw new ThreadFaultException($"seeks to offset {offset} of partition {p} of {topicName}; an offset goes from 0 to the {(end == topic.End((int)p) ? "log end" : "high-water mark")} {end}");
            }

            Move(k, t, pc, g, (int)p, offset);
            return;
        }

        var any = false;
        for (var p = 0; p < group.Partitions; p++)
        {
            if (group.Owner(p) == t)
            {
                any = true;
                Move(k, t, pc, g, p, (SeekTarget)instr.B == SeekTarget.Beginning ? topic.Start(p) : Replication.ReadableEnd(k, k.Program.Objects[ConsumerGroupSettings.Of(g).TopicId], p));
            }
        }

        if (!any)
        {
            k.Emit(LogFields.Record(EventKind.PositionSought, t, pc, g.Id, -1, 0, -1, 0, 0));
        }
    }

    private static void Move(IKernelServices k, int t, int pc, ObjectInfo g, int p, long offset)
    {
        ref var position = ref ConsumerGroupModule.CellsOf(k, g).Position(p);
        var before = position;
        position = offset;
        k.Emit(LogFields.Record(EventKind.PositionSought, t, pc, g.Id, -1, before, p, offset, 0));
    }

    private static int[] Owned(ConsumerGroupCells group, int t)
    {
        var owned = new List<int>();
        for (var p = 0; p < group.Partitions; p++)
        {
            if (group.Owner(p) == t)
            {
                owned.Add(p);
            }
        }

        return [.. owned];
    }
}
