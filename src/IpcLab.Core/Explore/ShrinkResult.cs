namespace IpcLab.Core.Explore;

/// <summary>
/// A shrunk run, how it was shrunk, and the work that took, counted in kernel steps (the steps of
/// the breadth-first search's transitions and of every replayed candidate).
/// </summary>
/// <param name="Run">The shortened run: the same kind of finding as the original, never longer.</param>
/// <param name="Method">How it was shortened.</param>
/// <param name="IsShortest">True when no schedule reaches that kind of finding in fewer steps.</param>
/// <param name="States">States the breadth-first search stored (0 when it was not tried).</param>
/// <param name="Steps">Kernel steps the shrinking took in all.</param>
/// <param name="Candidates">Candidate schedules delta debugging replayed.</param>
public sealed record ShrinkResult(FoundRun Run, ShrinkMethod Method, bool IsShortest, int States, long Steps, int Candidates)
{
    /// <summary>States the shortcut windows stored in all (0 when they were not tried).</summary>
    public long ShortcutStates { get; init; }

    /// <summary>Shortcuts spliced into the run.</summary>
    public int Shortcuts { get; init; }

    /// <summary>States the searches for a shorter ending stored in all (0 when they were not tried).</summary>
    public long EndingStates { get; init; }

    /// <summary>Shorter endings spliced into the run.</summary>
    public int Endings { get; init; }

    /// <summary>The run's length after the shortcuts, before delta debugging (0 when they were not tried).</summary>
    public int SplicedLength { get; init; }
}
