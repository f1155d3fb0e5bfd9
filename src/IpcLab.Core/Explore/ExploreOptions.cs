namespace IpcLab.Core.Explore;

/// <summary>Bounds of an exhaustive exploration (see <see cref="Explorer"/>).</summary>
public sealed record ExploreOptions
{
    public const int DefaultMaxStates = 1_000_000;

    /// <summary>Stop once this many distinct states are known, and say how far the search got.</summary>
    public int MaxStates { get; init; } = DefaultMaxStates;

    /// <summary>States this many steps from the start are not expanded (a program that never ends).</summary>
    public int MaxSteps { get; init; } = 10_000;
}
