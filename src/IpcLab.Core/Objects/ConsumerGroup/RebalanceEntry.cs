namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// One rebalance of a consumer group, as a view shows it: what set it off, the assignment before
/// and after, and which partitions changed owner.
/// </summary>
/// <param name="Generation">The group's generation it made (the first rebalance makes generation 1).</param>
/// <param name="Step">The step it happened in.</param>
/// <param name="Triggers">The membership changes that set it off: one, or several members whose process crashed in one step.</param>
/// <param name="MembersBefore">The members before it, in thread order.</param>
/// <param name="OwnersBefore">Each partition's owner before it (-1: nobody).</param>
/// <param name="MembersAfter">The members after it, in thread order.</param>
/// <param name="OwnersAfter">Each partition's owner after it (-1: nobody).</param>
/// <param name="Moves">The partitions that changed owner, in partition order.</param>
public sealed record RebalanceEntry(
    long Generation,
    int Step,
    IReadOnlyList<RebalanceTrigger> Triggers,
    IReadOnlyList<int> MembersBefore,
    IReadOnlyList<int> OwnersBefore,
    IReadOnlyList<int> MembersAfter,
    IReadOnlyList<int> OwnersAfter,
    IReadOnlyList<PartitionMove> Moves);

/// <summary>A membership change that set off a rebalance: which thread, and how.</summary>
public readonly record struct RebalanceTrigger(int Thread, RebalanceCause Cause);

/// <summary>A partition that changed owner in a rebalance (-1: nobody), and where the new owner starts reading it.</summary>
/// <param name="FromCommitted">True when the new owner starts at the group's committed offset; false when at the log start (nothing committed) or when nobody owns it now.</param>
public readonly record struct PartitionMove(int Partition, int From, int To, long Position, bool FromCommitted);
