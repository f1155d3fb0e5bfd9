using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// Reading a record at a member's position, by the member's own poll or handed to it while it is
/// blocked in one. A blocked member has no record at any of its positions (each equals its
/// partition's log end), so whoever adds one (a produce to one of its partitions, a rebalance that
/// gives it a partition with records) completes its poll in the same step.
/// </summary>
internal static class ConsumerPolls
{
    /// <summary>The partition a member's poll reads, or -1: the first of its partitions with a record at its position, starting at its cursor.</summary>
    public static int ReadablePartition(IKernelServices k, ObjectInfo g, int member)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        var topicInfo = k.Program.Objects[ConsumerGroupSettings.Of(g).TopicId];
        var topic = TopicModule.CellsOf(k, topicInfo);
        var cursor = (int)group.Cursor(member);
        for (var i = 0; i < group.Partitions; i++)
        {
            var p = (cursor + i) % group.Partitions;

            // Below the high-water mark of a replicated topic only: a consumer never reads a record not every in-sync replica has.
            if (group.Owner(p) == member && topic.NextLive(p, group.Position(p)) < Replication.ReadableEnd(k, topicInfo, p))
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>
    /// The member reads the record at its position in partition <paramref name="p"/> into the results
    /// of its poll and moves past it. A position that fell below the log start (retention deleted
    /// what it had not read) first jumps to the log start, with an event that says how much it missed.
    /// <paramref name="handedBy"/> is the thread whose step gave it the record (-1 for the kernel), or
    /// the member itself for its own poll.
    /// </summary>
    public static void Read(IKernelServices k, ObjectInfo g, int member, int p, int handedBy, int pc)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        var topicInfo = k.Program.Objects[ConsumerGroupSettings.Of(g).TopicId];
        var topic = TopicModule.CellsOf(k, topicInfo);
        ref var position = ref group.Position(p);
        var memberPc = k.PcOf(member);
        if (position < topic.Start(p))
        {
            k.Emit(LogFields.Record(EventKind.PositionReset, member, memberPc, g.Id, -1, topic.Start(p) - position, p, topic.Start(p), 0));
            position = topic.Start(p);
        }

        // Records compaction removed are skipped; there is a live one (see ReadablePartition).
        var offset = topic.NextLive(p, position);
        var (value, key) = (topic.Value(p, offset), topic.HasKey(p, offset) ? topic.Key(p, offset) : -1);
        position = offset + 1;
        group.Cursor(member) = (p + 1) % group.Partitions;
        var poll = ConsumerGroupModule.NextOf(k, member);
        k.Local(member, poll.B) = value;
        if (poll.C >= 0)
        {
            k.Local(member, poll.C) = key >= 0 ? key : k.Intern("");
        }

        if (poll.Args.Count == 2)
        {
            k.Local(member, ((LocalExpr)poll.Args[0]).Slot) = p;
            k.Local(member, ((LocalExpr)poll.Args[1]).Slot) = offset;
        }

        if (handedBy == member)
        {
            k.Emit(LogFields.Record(EventKind.RecordPolled, member, pc, g.Id, -1, value, p, offset, key + 1));
        }
        else
        {
            k.Wake(member);
            k.Emit(LogFields.Record(EventKind.PollHandedOver, handedBy, pc, g.Id, member, value, p, offset, key + 1));
        }

        k.MoveTo(member, poll.Next);
    }

    /// <summary>A record was appended at the end of partition <paramref name="p"/> of <paramref name="topic"/>, or its high-water mark moved: the owner of that partition in each group on the topic gets it if it is blocked in a poll.</summary>
    public static void Appended(IKernelServices k, int actor, int pc, ObjectInfo topic, int p)
    {
        var objects = k.Program.Objects;
        for (var i = ConsumerGroupSettings.NextOn(objects, topic.Id, 0); i >= 0; i = ConsumerGroupSettings.NextOn(objects, topic.Id, i + 1))
        {
            var g = objects[i];
            var group = ConsumerGroupModule.CellsOf(k, g);
            var owner = group.Owner(p);
            if (owner >= 0 && IsBlockedPolling(k, g, owner) && TopicModule.CellsOf(k, topic).NextLive(p, group.Position(p)) < Replication.ReadableEnd(k, topic, p))
            {
                Read(k, g, owner, p, actor, pc);
            }
        }
    }

    /// <summary>After a rebalance: every member blocked in a poll that now has a record at one of its positions gets it.</summary>
    public static void AfterRebalance(IKernelServices k, int actor, int pc, ObjectInfo g)
    {
        for (var m = 0; m < k.Program.Threads.Count; m++)
        {
            if (IsBlockedPolling(k, g, m) && ReadablePartition(k, g, m) is var p and >= 0)
            {
                Read(k, g, m, p, actor, pc);
            }
        }
    }

    public static bool IsBlockedPolling(IKernelServices k, ObjectInfo g, int thread) =>
        k.WaitObjectOf(thread) == g.Id && k.StatusOf(thread) == ThreadStatus.Blocked;

    internal static TopicCells TopicOf(IKernelServices k, ObjectInfo g) =>
        TopicModule.CellsOf(k, k.Program.Objects[ConsumerGroupSettings.Of(g).TopicId]);
}
