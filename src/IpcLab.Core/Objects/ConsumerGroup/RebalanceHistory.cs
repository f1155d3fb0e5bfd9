using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// A consumer group's rebalances, read back from the run's events, not kept in the state: the
/// hashed state holds only the current assignment and the generation. Every rebalance is set off
/// by a membership event (<see cref="EventKind.ConsumerJoined"/>, <see cref="EventKind.ConsumerLeft"/>,
/// <see cref="EventKind.ConsumerGone"/>) followed by one <see cref="EventKind.PartitionMoved"/> per
/// partition that changed owner. The assignments are rebuilt backwards from the present one, so
/// an event log that starts mid-run (an explorer's) still gives the right owners for what it holds.
/// </summary>
internal static class RebalanceHistory
{
    public static RebalanceEntry[] Of(Kernel kernel, int groupId)
    {
        var found = Collect(kernel.Events, groupId);
        var owners = kernel.ConsumerGroupPartitions(groupId).Select(p => p.Owner).ToArray();
        var members = kernel.ConsumerGroupMembers(groupId);
        var generation = kernel.ConsumerGroupGeneration(groupId);
        var entries = new RebalanceEntry[found.Count];
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var (step, triggers, moves) = found[i];
            var ownersBefore = (int[])owners.Clone();
            foreach (var move in moves)
            {
                ownersBefore[move.Partition] = move.From;
            }

            var membersBefore = members.ToHashSet();
            foreach (var trigger in triggers)
            {
                if (trigger.Cause == RebalanceCause.Joined)
                {
                    membersBefore.Remove(trigger.Thread);
                }
                else
                {
                    membersBefore.Add(trigger.Thread);
                }
            }

            var before = membersBefore.Order().ToArray();
            entries[i] = new RebalanceEntry(generation - (found.Count - 1 - i), step, triggers, before, ownersBefore, members, owners, moves);
            (owners, members) = (ownersBefore, before);
        }

        return entries;
    }

    /// <summary>Each rebalance's step, triggers and moves, oldest first.</summary>
    private static List<(int Step, List<RebalanceTrigger> Triggers, List<PartitionMove> Moves)> Collect(IReadOnlyList<KernelEvent> events, int groupId)
    {
        var found = new List<(int Step, List<RebalanceTrigger> Triggers, List<PartitionMove> Moves)>();
        KernelEvent? previous = null;
        foreach (var e in events)
        {
            if (e.Object != groupId)
            {
                continue;
            }

            switch (e.Kind)
            {
                // The members that ended in one step leave together at its end, and the group rebalances once for all of them.
                case EventKind.ConsumerGone when previous is { Kind: EventKind.ConsumerGone } gone && gone.Step == e.Step:
                    found[^1].Triggers.Add(new RebalanceTrigger(e.Thread, e.Value == 1 ? RebalanceCause.Crashed : RebalanceCause.Ended));
                    break;
                case EventKind.ConsumerJoined or EventKind.ConsumerLeft or EventKind.ConsumerGone:
                    found.Add((e.Step, [new RebalanceTrigger(e.Thread, Cause(e))], []));
                    break;
                case EventKind.PartitionMoved when found.Count > 0:
                    found[^1].Moves.Add(new PartitionMove(LogFields.Partition(e), e.PeerProcess - 1, e.Other, LogFields.Offset(e), e.Other >= 0 && e.Value == 1));
                    break;
            }

            previous = e;
        }

        return found;
    }

    private static RebalanceCause Cause(in KernelEvent e) => e.Kind switch
    {
        EventKind.ConsumerJoined => RebalanceCause.Joined,
        EventKind.ConsumerLeft => RebalanceCause.Left,
        _ => e.Value == 1 ? RebalanceCause.Crashed : RebalanceCause.Ended,
    };
}
