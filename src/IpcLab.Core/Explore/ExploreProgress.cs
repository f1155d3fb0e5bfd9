namespace IpcLab.Core.Explore;

/// <summary>How far an exploration has got: reported every few thousand states.</summary>
public readonly record struct ExploreProgress(int States, long Transitions, int Depth, int Frontier)
{
    /// <summary>Bytes the visited set and the queue of states to expand hold now.</summary>
    public long Bytes { get; init; }
}
