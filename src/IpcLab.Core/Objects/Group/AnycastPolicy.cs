namespace IpcLab.Core.Objects.Group;

/// <summary>How an anycast picks the one member that gets the message.</summary>
public enum AnycastPolicy
{
    /// <summary>Members take turns, in thread order, starting after the last one chosen; a member whose inbox is full is skipped.</summary>
    RoundRobin,

    /// <summary>The member with the fewest messages in its inbox; ties go to the next in round-robin order.</summary>
    LeastLoaded,

    /// <summary>The member that has waited longest in <c>receive</c>; when nobody waits, round-robin.</summary>
    FirstReady,
}
