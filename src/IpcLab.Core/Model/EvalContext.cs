using IpcLab.Core.Runtime;

namespace IpcLab.Core.Model;

/// <summary>What an expression can see while it is evaluated: the state, the strings, the thread.</summary>
public readonly ref struct EvalContext(long[] data, StateLayout layout, StringTable strings, int thread, int localBase, long selfName)
{
    public long[] Data { get; } = data;

    public StateLayout Layout { get; } = layout;

    public StringTable Strings { get; } = strings;

    public int Thread { get; } = thread;

    public int LocalBase { get; } = localBase;

    /// <summary>The string id of the thread's name, the value of <c>self</c>.</summary>
    public long SelfName { get; } = selfName;
}
