using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Group;

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
