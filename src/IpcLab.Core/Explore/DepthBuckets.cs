namespace IpcLab.Core.Explore;

/// <summary>
/// The states still to expand when one transition may stand for several steps
/// (<see cref="MergingSearch"/>): a first-in-first-out <see cref="StateQueue"/> for each depth in
/// steps, taken lowest depth first (Dial's bucket queue), so states come out in the order of
/// their distance from the start as a breadth-first search over single steps would take them.
/// A depth's queue is dropped once it is empty and no state can be put at that depth again.
/// </summary>
internal sealed class DepthBuckets(int stateSize)
{
    // A bucket starts small: a search over short transitions has only a few depths alive at once,
    // but a thread looping on its own steps spreads its states over many.
    private const int FirstChunkBytes = 4096;

    private readonly List<StateQueue?> _byDepth = [];
    private readonly ChunkPool _pool = new();
    private int _lowest;
    private int _count;
    private int _sinceMeasured;
    private long _peakBytes;

    public int Count => _count;

    /// <summary>Bytes the queues held at their widest (measured every thousand states queued).</summary>
    public long PeakBytes => Math.Max(_peakBytes, Bytes);

    /// <summary>Bytes the queues hold now.</summary>
    public long Bytes
    {
        get
        {
            long bytes = 0;
            for (var d = _lowest; d < _byDepth.Count; d++)
            {
                bytes += _byDepth[d]?.Bytes ?? 0;
            }

            return bytes;
        }
    }

    /// <summary>Queues state <paramref name="id"/> at <paramref name="depth"/>, which is not below the depth last taken.</summary>
    public void Enqueue(int id, int depth, ReadOnlySpan<long> state)
    {
        if (depth < _lowest)
        {
            throw new InvalidOperationException($"a state at depth {depth} queued after depth {_lowest} was taken: the search is not in order of depth");
        }

        while (_byDepth.Count <= depth)
        {
            _byDepth.Add(null);
        }

        (_byDepth[depth] ??= new StateQueue(stateSize, FirstChunkBytes, _pool)).Enqueue(id, depth, state);
        _count++;
        if (++_sinceMeasured == 1024)
        {
            _sinceMeasured = 0;
            _peakBytes = Math.Max(_peakBytes, Bytes);
        }
    }

    /// <summary>Takes the oldest state of the lowest depth, copying it into <paramref name="state"/>; false when none is left.</summary>
    public bool TryDequeue(Span<long> state, out int id, out int depth)
    {
        while (_lowest < _byDepth.Count && _byDepth[_lowest] is not { Count: > 0 })
        {
            _byDepth[_lowest]?.Release();
            _byDepth[_lowest] = null;
            _lowest++;
        }

        if (_lowest == _byDepth.Count)
        {
            (id, depth) = (-1, -1);
            return false;
        }

        (id, depth) = _byDepth[_lowest]!.Dequeue(state);
        _count--;
        return true;
    }
}
