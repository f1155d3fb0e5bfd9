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

    /// <summary>
    /// The graph was too big to search from the start: breadth-first searches from the run's states,
    /// from a few steps before its finding backward, gave shorter endings (<see cref="EndingSweep"/>);
    /// the run is a shortest one when they got back to the start, else delta debugging went on from there.
    /// </summary>
    Endings,
}
