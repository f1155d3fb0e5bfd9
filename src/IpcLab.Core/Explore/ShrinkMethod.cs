namespace IpcLab.Core.Explore;

/// <summary>How <see cref="ScheduleShrinker"/> shortened a failing run.</summary>
public enum ShrinkMethod
{
    /// <summary>Nothing to shorten: a run that used its whole step budget (every candidate would too).</summary>
    None,

    /// <summary>
    /// A breadth-first search from the start, as far as the run was long: the run it gives is a
    /// shortest one to the same kind of finding (no schedule reaches it in fewer steps).
    /// </summary>
    BreadthFirst,

    /// <summary>
    /// The graph was too big to search within the state budget: delta debugging over the schedule
    /// (drop chunks of entries, halving them), within a budget of replayed steps. Shorter, not
    /// necessarily shortest.
    /// </summary>
    DeltaDebugging,

    /// <summary>
    /// The graph was too big to search from the start: small breadth-first searches from states of
    /// the run found shorter ways to its later states and spliced them in (<see cref="ShortcutSearch"/>),
    /// then delta debugging went on from there. Shorter, not necessarily shortest.
    /// </summary>
    Shortcuts,
}
