using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>A consumer group's invariants, its one spelling of its state, and what a member blocked on it waits for.</summary>
internal static class ConsumerGroupState
{
    public static void AssertInvariants(IKernelServices k, ObjectInfo g)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        var topic = ConsumerPolls.TopicOf(k, g);
        var members = Rebalance.Members(k, g);
        ObjectModule.Require(group.Generation >= 0, $"consumer group {g.Name} has generation {group.Generation}");
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var name = k.ThreadName(t);
            ObjectModule.Require(group.MemberFlag(t) is 0 or 1, $"{name} has member flag {group.MemberFlag(t)} in {g.Name}");
            ObjectModule.Require(!group.IsMember(t) || !k.HasEnded(t), $"{name} has ended but is still a member of {g.Name}");
            ObjectModule.Require(group.Cursor(t) >= 0 && group.Cursor(t) < group.Partitions && (group.IsMember(t) || group.Cursor(t) == 0), $"{name}'s poll cursor in {g.Name} is {group.Cursor(t)}");
            var queued = k.WaitObjectOf(t) == g.Id;
            ObjectModule.Require(!queued || (group.IsMember(t) && ConsumerGroupModule.NextOf(k, t).Op == OpCode.Poll), $"{name} waits on {g.Name} but is not a member polling it");
        }

        for (var p = 0; p < group.Partitions; p++)
        {
            var (owner, position, committed) = (group.Owner(p), group.Position(p), group.Committed(p));
            ObjectModule.Require(owner >= -1 && owner < k.Program.Threads.Count, $"partition {p} of {g.Name} has owner cell {owner + 1}, which names no thread");

            // Each partition has one owner cell, so "exactly one member" is: the owner the group's
            // assignor gives among the live members, and nobody only when there is no member.
            var expected = Rebalance.Owner(ConsumerGroupSettings.Of(g).Assignor, members, group.Partitions, p);
            ObjectModule.Require(owner == expected, $"partition {p} of {g.Name} is owned by {Who(k, owner)}, but the {ConsumerGroupSettings.Of(g).Assignor} assignment of its members gives it to {Who(k, expected)}");
            ObjectModule.Require(owner >= 0 ? position >= 0 && position <= topic.End(p) : position == 0, $"{Who(k, owner)}'s position {position} in partition {p} of {g.Name} is past the log end {topic.End(p)}");
            ObjectModule.Require(committed >= -1 && committed <= topic.End(p), $"the committed offset {committed} of partition {p} in {g.Name} is past the log end {topic.End(p)}");
        }
    }

    private static string Who(IKernelServices k, int thread) => thread < 0 ? "nobody" : k.ThreadName(thread);

    /// <summary>"generation 2 partitions [owner a position 3 committed 2 ...] members [a cursor 1]".</summary>
    public static void Write(IKernelServices k, ObjectInfo g, StateWriter w)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        w.Label("generation");
        w.Int(group.Generation);
        w.Label("partitions");
        w.BeginList(group.Partitions);
        for (var p = 0; p < group.Partitions; p++)
        {
            w.Label("owner");
            if (group.Owner(p) >= 0)
            {
                w.Thread(group.Owner(p));
                w.Label("position");
                w.Int(group.Position(p));
            }
            else
            {
                w.Label("nobody");
            }

            w.Label("committed");
            w.Int(group.Committed(p));
        }

        w.EndList();
        var members = Rebalance.Members(k, g);
        w.Label("members");
        w.BeginList(members.Count);
        foreach (var m in members)
        {
            w.Thread(m);
            w.Label("cursor");
            w.Int(group.Cursor(m));
        }

        w.EndList();
    }

    /// <summary>"waits on consumers billing: no record at its positions (partition 0 at 3)", "... no partition assigned to it".</summary>
    public static string DescribeWait(IKernelServices k, ObjectInfo g, int thread)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        var at = new List<string>();
        for (var p = 0; p < group.Partitions; p++)
        {
            if (group.Owner(p) == thread)
            {
                at.Add($"partition {p} at {group.Position(p)}");
            }
        }

        return at.Count == 0
            ? $"waits on consumers {g.Name}: no partition is assigned to it"
            : $"waits on consumers {g.Name}: no record at its positions ({string.Join(", ", at)})";
    }
}
