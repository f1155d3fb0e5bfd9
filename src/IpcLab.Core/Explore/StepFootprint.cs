using System.Numerics;

namespace IpcLab.Core.Explore;

/// <summary>
/// What one instruction's step touches, for the partial-order reduction: the objects it may write,
/// the objects it may read (as bit masks by object id), or that it may touch anything. Two steps
/// of different threads commute when neither writes what the other touches; a step that may end
/// its thread, or reaches beyond the simple kinds, is <see cref="Global"/> and commutes with nothing.
/// </summary>
internal readonly record struct StepFootprint(ulong Writes, ulong Reads, bool Global)
{
    public static readonly StepFootprint Everything = new(0, 0, Global: true);

    /// <summary>True when the two steps, taken by different threads in either order, reach the same state.</summary>
    public bool CommutesWith(StepFootprint other) =>
        !Global && !other.Global
        && (Writes & (other.Writes | other.Reads)) == 0
        && (other.Writes & Reads) == 0;

    /// <summary>Both steps in one (a wait releases its mutex and joins its condition variable's queue).</summary>
    public StepFootprint With(StepFootprint other) =>
        Global || other.Global ? Everything : new(Writes | other.Writes, Reads | other.Reads, false);

    public override string ToString() =>
        Global ? "global" : $"writes {BitOperations.PopCount(Writes)} reads {BitOperations.PopCount(Reads)}";
}
