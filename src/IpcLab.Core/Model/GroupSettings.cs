namespace IpcLab.Core.Model;

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

/// <summary>What a send does when a receiver's inbox is full (a slow subscriber).</summary>
public enum FullPolicy
{
    /// <summary>The sender blocks, delivering nothing, until every inbox it sends to has room (back-pressure).</summary>
    Block,

    /// <summary>The copy for the full inbox is dropped, with an event; the other copies are delivered.</summary>
    Drop,

    /// <summary>The oldest message of the full inbox is dropped, with an event, to make room for the new one.</summary>
    DropOldest,
}

/// <summary>A group's settings, packed into <see cref="ObjectInfo.Initial"/> so the object record stays one shape.</summary>
public readonly record struct GroupSettings(AnycastPolicy Policy, FullPolicy Full)
{
    public long Pack() => ((long)Full << 8) | (long)Policy;

    public static GroupSettings Of(ObjectInfo group) =>
        new((AnycastPolicy)(group.Initial & 0xff), (FullPolicy)((group.Initial >> 8) & 0xff));

    public static string Word(AnycastPolicy policy) => policy switch
    {
        AnycastPolicy.RoundRobin => "round-robin",
        AnycastPolicy.LeastLoaded => "least-loaded",
        _ => "first-ready",
    };

    public static string Word(FullPolicy full) => full switch
    {
        FullPolicy.Block => "block",
        FullPolicy.Drop => "drop",
        _ => "drop-oldest",
    };
}
