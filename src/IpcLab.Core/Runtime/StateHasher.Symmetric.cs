namespace IpcLab.Core.Runtime;

// A thread's record hashed alone: what the explorer's symmetry reduction sorts and compares.
internal static partial class StateHasher
{
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
