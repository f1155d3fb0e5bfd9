namespace IpcLab.Core.Explore;

/// <summary>How far an exploration has got: reported every few thousand states.</summary>
public readonly record struct ExploreProgress(int States, long Transitions, int Depth, int Frontier);
