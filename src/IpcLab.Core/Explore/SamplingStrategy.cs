namespace IpcLab.Core.Explore;

/// <summary>How the checker (<see cref="Checker"/>) picks each run's schedule from its seed.</summary>
public enum SamplingStrategy
{
    /// <summary>A uniformly random ready thread at each step (<see cref="Scheduling.RandomScheduler"/>).</summary>
    Random,

    /// <summary>Random thread priorities with a few random change points (<see cref="Scheduling.PctScheduler"/>), at the depth of <see cref="CheckOptions.PctDepth"/>.</summary>
    Pct,

    /// <summary>A random walk that mostly lets the last thread go on (<see cref="Scheduling.StickyScheduler"/>, a switch one step in 8).</summary>
    Sticky,

    /// <summary>
    /// The three in turn by seed (<see cref="SamplingPlan"/> says which seed gets which), so a bug
    /// any of them finds easily is found: a race by random choices, a lost wake-up by long stretches.
    /// </summary>
    Portfolio,
}
