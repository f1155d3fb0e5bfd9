namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// What a topic keeps about its producers, in cells after the topic's own (<see cref="TopicCells"/>),
/// present only when the topic's producers are idempotent or a thread retries a send to it, so
/// every other topic keeps its cells. Per thread, its last record sent (partition + 1, 0 for none;
/// its offset; its sequence number; 0 no key or 1 a key; key; value), what <c>retry</c> sends again;
/// per thread and partition, the sequence number its next record there gets (the producer id is the
/// thread); per partition and record slot, the producer + 1 (0 for none) and sequence number of the
/// record in that slot, zeros where no record is retained.
/// </summary>
internal readonly ref struct ProducerCells(Span<long> cells, int threads, int partitions, int retain)
{
    private const int LastSize = 6;
    private const int StampSize = 2;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(int threads, int partitions, int retain) =>
        (threads * LastSize) + (threads * partitions) + (partitions * retain * StampSize);

    /// <summary>The partition of the thread's last record sent, or -1 when it has sent none.</summary>
    public int LastPartition(int t) => (int)_cells[t * LastSize] - 1;

    public long LastOffset(int t) => _cells[(t * LastSize) + 1];

    public long LastSequence(int t) => _cells[(t * LastSize) + 2];

    public bool LastHasKey(int t) => _cells[(t * LastSize) + 3] != 0;

    public long LastKey(int t) => _cells[(t * LastSize) + 4];

    public long LastValue(int t) => _cells[(t * LastSize) + 5];

    public void SetLast(int t, int p, long offset, long sequence, bool hasKey, long key, long value)
    {
        var at = t * LastSize;
        _cells[at] = p + 1;
        _cells[at + 1] = offset;
        _cells[at + 2] = sequence;
        _cells[at + 3] = hasKey ? 1 : 0;
        _cells[at + 4] = hasKey ? key : 0;
        _cells[at + 5] = value;
    }

    /// <summary>The sequence number the thread's next record to partition <paramref name="p"/> gets (from 0).</summary>
    public ref long NextSequence(int t, int p) => ref _cells[(threads * LastSize) + (t * partitions) + p];

    /// <summary>The producer of the record at <paramref name="offset"/>, or -1 when it has no stamp.</summary>
    public int Producer(int p, long offset) => (int)_cells[Stamp(p, offset)] - 1;

    public long Sequence(int p, long offset) => _cells[Stamp(p, offset) + 1];

    public void SetStamp(int p, long offset, int producer, long sequence)
    {
        _cells[Stamp(p, offset)] = producer + 1;
        _cells[Stamp(p, offset) + 1] = sequence;
    }

    public void ClearStamp(int p, long offset) => _cells.Slice(Stamp(p, offset), StampSize).Clear();

    private int Stamp(int p, long offset) => (threads * LastSize) + (threads * partitions) + (((p * retain) + (int)(offset % retain)) * StampSize);
}
