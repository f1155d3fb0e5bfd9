using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Group;

/// <summary>A group's settings, packed into <see cref="ObjectInfo.Initial"/> so the object record stays one shape.</summary>
public readonly record struct GroupSettings(AnycastPolicy Policy, FullPolicy Full)
{
    public long Pack() => ((long)Full << 8) | (long)Policy;

    public static GroupSettings Of(ObjectInfo group) =>
        new((AnycastPolicy)(group.Initial & 0xff), (FullPolicy)((group.Initial >> 8) & 0xff));

    private static readonly Dictionary<string, AnycastPolicy> Policies = new(StringComparer.Ordinal)
    {
        ["round-robin"] = AnycastPolicy.RoundRobin,
        ["least-loaded"] = AnycastPolicy.LeastLoaded,
        ["first-ready"] = AnycastPolicy.FirstReady,
    };

    private static readonly Dictionary<string, FullPolicy> FullPolicies = new(StringComparer.Ordinal)
    {
        ["block"] = FullPolicy.Block,
        ["drop"] = FullPolicy.Drop,
        ["drop-oldest"] = FullPolicy.DropOldest,
    };

    /// <summary>The anycast policy an option names (<c>policy least-loaded</c>).</summary>
    internal static AnycastPolicy ParsePolicy(Declaration d, DeclOption option) =>
        Policies.TryGetValue(Declaration.Word(option.Value), out var policy)
            ? policy
            : throw d.Error(option.Value.Pos, $"unknown anycast policy '{ExprPrinter.Print(option.Value)}'; expected one of {string.Join(", ", Policies.Keys)}");

    /// <summary>What a send does when an inbox is full, as an option names it (<c>full drop-oldest</c>).</summary>
    internal static FullPolicy ParseFull(Declaration d, DeclOption option) =>
        FullPolicies.TryGetValue(Declaration.Word(option.Value), out var full)
            ? full
            : throw d.Error(option.Value.Pos, $"unknown full setting '{ExprPrinter.Print(option.Value)}'; expected one of {string.Join(", ", FullPolicies.Keys)}");

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
