namespace IpcLab.Core.Explore;

/// <summary>Why an exploration stopped: only <see cref="Complete"/> backs a statement about every schedule.</summary>
public enum ExploreStop
{
    /// <summary>Every state reachable within the step bound was expanded.</summary>
    Complete,

    /// <summary>The state limit was reached with states still to expand.</summary>
    StateLimit,

    /// <summary>The caller cancelled (Ctrl-C) with states still to expand.</summary>
    Interrupted,

    /// <summary>The visited set and the queue of states to expand reached the memory limit with states still to expand.</summary>
    MemoryLimit,
}
