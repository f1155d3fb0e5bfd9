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

    /// <summary>Thread <paramref name="t"/>'s record hashed alone: equal for two threads a learner could not tell apart but by name.</summary>
    public static ulong ThreadSignature(Kernel kernel, long[] data, int t) => MixThread(0x84222325cbf29ceUL, kernel, data, t);
}
