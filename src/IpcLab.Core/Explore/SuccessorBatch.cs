using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The states one expansion reached, held until they are all generated and looked up in the
/// visited set together: each is keyed as it is reached, and once the expansion is over their
/// slots in the table are fetched ahead all at once (<see cref="FetchAhead"/>), so the waits for
/// memory of a state's successors overlap instead of coming one after the other. Each entry keeps
/// its key, its state array, a depth and a sleep set; the search takes them in the order they were
/// added, so it adds, counts and stops exactly as it would have looking each up when it was reached.
/// </summary>
internal sealed class SuccessorBatch(int stateSize)
{
    private ulong[] _keys = new ulong[16];
    private int[] _depths = new int[16];
    private ulong[] _sleeps = new ulong[16];
    private long[] _states = new long[16 * stateSize];

    public int Count { get; private set; }

    /// <summary>The id of the state these were reached from (<see cref="Begin"/>).</summary>
    public int Parent { get; private set; } = -1;

    /// <summary>Starts the batch of the successors of state <paramref name="parent"/>; the batch must be empty.</summary>
    public void Begin(int parent)
    {
        if (Count != 0)
        {
            throw new InvalidOperationException("the batch still holds the successors of another state");
        }

        Parent = parent;
    }

    /// <summary>Keeps the kernel's present state, keyed <paramref name="key"/>.</summary>
    public void Add(Kernel kernel, ulong key, int depth, ulong sleep)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _depths, Count * 2);
            Array.Resize(ref _sleeps, Count * 2);
            Array.Resize(ref _states, Count * 2 * stateSize);
        }

        _keys[Count] = key;
        _depths[Count] = depth;
        _sleeps[Count] = sleep;
        kernel.CopyStateTo(_states.AsSpan(Count * stateSize, stateSize));
        Count++;
    }

    /// <summary>
    /// Fetches the slots of <paramref name="graph"/> that the look-ups of these states start at, all
    /// at once: a fetch that misses the address cache holds the processor until the page tables are
    /// walked, and fetches made one after the other walk together, where one made as each state is
    /// keyed waits alone between two steps.
    /// </summary>
    public void FetchAhead(StateGraph graph)
    {
        foreach (var key in _keys.AsSpan(0, Count))
        {
            graph.Prefetch(key);
        }
    }

    public ulong Key(int i) => _keys[i];

    public int Depth(int i) => _depths[i];

    public ulong Sleep(int i) => _sleeps[i];

    public ReadOnlySpan<long> State(int i) => _states.AsSpan(i * stateSize, stateSize);

    /// <summary>Empties the batch for the next expansion.</summary>
    public void Clear() => Count = 0;
}
