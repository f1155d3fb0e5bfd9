using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Descriptors;

namespace IpcLab.Core.Runtime;

// The hash of a state with its threads renamed: what the explorer's symmetry reduction compares.
internal static partial class StateHasher
{
    /// <summary>
    /// Hashes the state as if thread <c>order[i]</c> were thread i, for every i: the thread records
    /// in that order, and every thread an object names (an owner) renamed to its new place. Two
    /// states that are the same up to renaming interchangeable threads hash equal when each is
    /// hashed with the order that sorts its interchangeable threads alike.
    /// </summary>
    /// <param name="signatures">Each thread's record, mixed alone (<see cref="ThreadSignature"/>).</param>
    public static ulong HashRenamed(Kernel kernel, ReadOnlySpan<int> order, int[] renamed, ReadOnlySpan<ulong> signatures)
    {
        var writer = kernel.RenamingHashWriter;
        writer.Hash = 0xcbf29ce484222325UL;
        writer.Renamed = renamed;
        foreach (var o in kernel.Program.Objects)
        {
            if (kernel.CellCountOf(o.Id) > 0)
            {
                ObjectModules.Of(o.Kind).WriteState(kernel, o, writer);
            }
        }

        DescriptorTablesState.Write(kernel, writer);
        var h = writer.Hash;
        foreach (var t in order)
        {
            h = Mix(h, signatures[t]);
        }

        return h;
    }

    /// <summary>
    /// Thread <paramref name="t"/>'s record hashed alone: equal for two threads a learner could not
    /// tell apart but by name. It is <see cref="ThreadRecord"/> with the thread's place in its wait
    /// queue mixed in last, so the symmetry reduction can keep the first and add the second.
    /// </summary>
    public static ulong ThreadSignature(Kernel kernel, long[] data, int t) => WithRank(ThreadRecord(kernel, data, t), kernel, data, t);

    /// <summary>Thread <paramref name="t"/>'s record hashed alone but for its place in its wait queue, which other threads' records decide.</summary>
    public static ulong ThreadRecord(Kernel kernel, long[] data, int t) => MixRecord(0x84222325cbf29ceUL, kernel, data, t);

    /// <summary><paramref name="record"/> (<see cref="ThreadRecord"/>) with thread <paramref name="t"/>'s place in its wait queue, when it waits.</summary>
    public static ulong WithRank(ulong record, Kernel kernel, long[] data, int t)
    {
        var layout = kernel.Layout;
        var obj = data[layout.ThreadField(t, StateLayout.WaitObjectField)];
        return obj < 0 ? record : Mix(record, (ulong)Rank(data, layout, t, obj) + 1);
    }
}
