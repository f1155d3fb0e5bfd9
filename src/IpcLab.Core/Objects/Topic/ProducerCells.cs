namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// What a topic keeps about its producers, in cells after the topic's own (<see cref="TopicCells"/>),
/// present only when the topic's producers are idempotent, a replicated topic's producers retry, or
/// a thread retries a send to it, so every other topic keeps its cells. Per thread, its last record
/// sent (partition + 1, 0 for none; its offset; its sequence number; 0 no key or 1 a key; key;
/// value; on a replicated topic also the <see cref="ProduceAcks"/> it was sent with and where the
/// reply to it stands, <see cref="AckLoss"/>), what <c>retry</c> sends again; per thread and partition, the sequence number
/// its next record there gets (the producer id is the thread); per partition and record slot, the
/// producer + 1 (0 for none) and sequence number of the record in that slot, zeros where no record
/// is retained. Then, when the producers are idempotent, the brokers' side: per replica, partition and producer, the last sequence
/// number + 1 (0 for none) that replica's log holds of that producer and its offset, what the
/// leader checks a retry against; then the same per partition and producer for the records
/// retention deleted (the state at the log start, which a follower that starts over there takes).
/// </summary>
internal readonly ref struct ProducerCells(Span<long> cells, int threads, int partitions, int retain, int replicas)
{
    private const int PlainLastSize = 6;
    private const int ReplicatedLastSize = 8;
    private const int StampSize = 2;
    private const int AppendedSize = 2;

    private readonly Span<long> _cells = cells;

    /// <param name="idempotent">Whether the brokers keep the producers' sequence numbers (<see cref="Appended"/>).</param>
    public static int CellsFor(int threads, int partitions, int retain, int replicas, bool idempotent) =>
        (threads * LastSizeFor(replicas)) + (threads * partitions) + (partitions * retain * StampSize) + (idempotent ? (replicas + 1) * partitions * threads * AppendedSize : 0);

    // Only a replicated topic's sends keep their acks and the state of their reply: any other is answered in its own step.
    private static int LastSizeFor(int replicas) => replicas > 1 ? ReplicatedLastSize : PlainLastSize;

    private int LastSize => LastSizeFor(replicas);

    /// <summary>The partition of the thread's last record sent, or -1 when it has sent none.</summary>
    public int LastPartition(int t) => (int)_cells[t * LastSize] - 1;

    public long LastOffset(int t) => _cells[(t * LastSize) + 1];

    public long LastSequence(int t) => _cells[(t * LastSize) + 2];

    public bool LastHasKey(int t) => _cells[(t * LastSize) + 3] != 0;

    public long LastKey(int t) => _cells[(t * LastSize) + 4];

    public long LastValue(int t) => _cells[(t * LastSize) + 5];

    /// <summary>The acks the thread's last record was sent with: a retry waits as that produce did.</summary>
    public ProduceAcks LastAcks(int t) => replicas > 1 ? (ProduceAcks)_cells[(t * LastSize) + 6] : ProduceAcks.All;

    public void SetLast(int t, int p, long offset, long sequence, bool hasKey, long key, long value, ProduceAcks acks)
    {
        var at = t * LastSize;
        _cells[at] = p + 1;
        _cells[at + 1] = offset;
        _cells[at + 2] = sequence;
        _cells[at + 3] = hasKey ? 1 : 0;
        _cells[at + 4] = hasKey ? key : 0;
        _cells[at + 5] = value;
        if (replicas > 1)
        {
            _cells[at + 6] = (long)acks;
        }
    }

    /// <summary>Where the reply to the thread's produce stands when the guarantee checker loses it (on a replicated topic).</summary>
    public AckLoss Loss(int t) => replicas > 1 ? (AckLoss)_cells[(t * LastSize) + 7] : AckLoss.None;

    public void SetLoss(int t, AckLoss loss)
    {
        if (replicas > 1)
        {
            _cells[(t * LastSize) + 7] = (long)loss;
        }
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

    /// <summary>The row of <see cref="Appended"/> after the replicas': the sequences of the records retention deleted.</summary>
    public int LogStart => replicas;

    /// <summary>
    /// The last sequence number of producer <paramref name="t"/> that replica <paramref name="r"/>'s
    /// log of partition <paramref name="p"/> holds, and its offset, or (-1, 0) for none; row
    /// <see cref="LogStart"/> is the log start's (what retention deleted).
    /// </summary>
    public (long Sequence, long Offset) Appended(int r, int p, int t) =>
        (_cells[AppendedAt(r, p, t)] - 1, _cells[AppendedAt(r, p, t) + 1]);

    public void SetAppended(int r, int p, int t, long sequence, long offset)
    {
        _cells[AppendedAt(r, p, t)] = sequence + 1;
        _cells[AppendedAt(r, p, t) + 1] = sequence < 0 ? 0 : offset;
    }

    /// <summary>Replica <paramref name="to"/>'s sequences of partition <paramref name="p"/> become <paramref name="from"/>'s (the log start's is <see cref="LogStart"/>).</summary>
    public void CopyAppended(int from, int to, int p) =>
        _cells.Slice(AppendedAt(from, p, 0), threads * AppendedSize).CopyTo(_cells.Slice(AppendedAt(to, p, 0), threads * AppendedSize));

    private int Stamp(int p, long offset) => (threads * LastSize) + (threads * partitions) + (((p * retain) + (int)(offset % retain)) * StampSize);

    private int AppendedAt(int r, int p, int t) =>
        (threads * LastSize) + (threads * partitions) + (partitions * retain * StampSize) + ((((r * partitions) + p) * threads) + t) * AppendedSize;
}
