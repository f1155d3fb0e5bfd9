using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// The assignment, done in the step that changed the membership (Kafka runs it through a
/// group coordinator over several round trips; here it is atomic). By range, the members, in the
/// order of their threads, take consecutive runs of partitions: with n members and P partitions,
/// each gets P / n and the first P mod n one more. By round-robin, partition p goes to member
/// p mod n. Both recompute the whole assignment from the members, with no memory of the previous
/// one (Kafka's eager rebalance; its sticky and cooperative assignors are not modelled). A partition that changes owner loses its position; the new
/// owner starts at the group's committed offset, or at the log start when there is none
/// (auto.offset.reset=earliest).
/// </summary>
internal static class Rebalance
{
    /// <summary>The owner the range assignment gives partition <paramref name="p"/> among <paramref name="members"/> (in thread order), or -1 when there is none.</summary>
    public static int RangeOwner(IReadOnlyList<int> members, int partitions, int p)
    {
        if (members.Count == 0)
        {
            return -1;
        }

        var (each, extra) = (partitions / members.Count, partitions % members.Count);

        // The first `extra` members take each + 1 partitions, the rest `each`.
        var bigRuns = extra * (each + 1);
        return p < bigRuns ? members[p / (each + 1)] : members[extra + ((p - bigRuns) / each)];
    }

    /// <summary>The owner the group's assignor gives partition <paramref name="p"/> among <paramref name="members"/> (in thread order), or -1 when there is none.</summary>
    public static int Owner(Assignor assignor, IReadOnlyList<int> members, int partitions, int p) =>
        assignor == Assignor.RoundRobin ? RoundRobinOwner(members, p) : RangeOwner(members, partitions, p);

    /// <summary>The owner the round-robin assignment gives partition <paramref name="p"/>: member p mod n, or -1 when there is none.</summary>
    public static int RoundRobinOwner(IReadOnlyList<int> members, int p) => members.Count == 0 ? -1 : members[p % members.Count];

    /// <summary>The live members of the group, in thread order.</summary>
    public static List<int> Members(IKernelServices k, ObjectInfo g)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        var members = new List<int>();
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            if (group.IsMember(t))
            {
                members.Add(t);
            }
        }

        return members;
    }

    /// <summary>Reassigns every partition after a member joined or left, says what moved, and completes the polls it made possible.</summary>
    public static void Run(IKernelServices k, int actor, int pc, ObjectInfo g)
    {
        var group = ConsumerGroupModule.CellsOf(k, g);
        var topic = ConsumerPolls.TopicOf(k, g);
        var members = Members(k, g);
        var assignor = ConsumerGroupSettings.Of(g).Assignor;
        group.Generation++;
        for (var p = 0; p < group.Partitions; p++)
        {
            var (before, after) = (group.Owner(p), Owner(assignor, members, group.Partitions, p));
            if (before == after)
            {
                continue;
            }

            var committed = group.Committed(p);
            var position = after < 0 ? 0 : committed >= 0 ? committed : topic.Start(p);
            group.Assign(p, after, position);
            if (after >= 0 && group.Cursor(after) >= group.Partitions)
            {
                group.Cursor(after) = 0;
            }

            k.Emit(LogFields.Record(EventKind.PartitionMoved, actor, pc, g.Id, after, committed >= 0 ? 1 : 0, p, position, before + 1));
        }

        ConsumerPolls.AfterRebalance(k, actor, pc, g);
    }
}
