namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// What a replicated topic keeps about its replicas, in cells after the topic's own and its
/// producers' (so a topic with one replica keeps the cells it always had). Per partition: its
/// leader (a replica index from 0), the replicas out of sync as a bit mask (zeros: every replica
/// in the ISR, as at the start), the high-water mark, the leader epoch, 1 when it is offline (no
/// in-sync replica was left to lead). Per partition and replica: that replica's log end offset,
/// then its checkpoint: the high-water mark it last knew when its broker went down (0 while it is
/// up), to which it truncates its log when it restarts, then how many of the leader's appends an
/// in-sync follower has been behind the leader's log end (0 once it caught up; see <c>replicalag</c>).
/// Per thread: the partition + 1 (0 for none) and offset of the record its <c>acks(all)</c>
/// produce waits for. Last, two masks of replicas (bit r for the broker of replica r): those down
/// (crashed, not restarted yet by their own step) and those that have crashed at least once.
/// <para>
/// A replica's records are not stored: the topic's log is the leader's, and every other replica
/// holds that log's prefix up to its own log end. Followers copy in order, and an election
/// truncates every other replica to the new leader's log end, so no replica ever holds a record
/// the leader does not (the invariant <see cref="ReplicaState.Assert"/> checks).
/// </para>
/// </summary>
internal readonly ref struct ReplicaCells(Span<long> cells, int partitions, int replicas)
{
    private const int PartitionHeader = 5;
    private const int WaiterSize = 2;
    private const int BrokerMasks = 2;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(int partitions, int replicas, int threads) =>
        (partitions * (PartitionHeader + (3 * replicas))) + (threads * WaiterSize) + BrokerMasks;

    public int Partitions => partitions;

    public int Replicas => replicas;

    public ref long Leader(int p) => ref _cells[Base(p)];

    public ref long OutOfSync(int p) => ref _cells[Base(p) + 1];

    public ref long HighWaterMark(int p) => ref _cells[Base(p) + 2];

    public ref long Epoch(int p) => ref _cells[Base(p) + 3];

    public ref long Offline(int p) => ref _cells[Base(p) + 4];

    public bool InSync(int p, int r) => (OutOfSync(p) & (1L << r)) == 0;

    public int InSyncCount(int p)
    {
        var count = 0;
        for (var r = 0; r < replicas; r++)
        {
            count += InSync(p, r) ? 1 : 0;
        }

        return count;
    }

    public ref long LogEnd(int p, int r) => ref _cells[Base(p) + PartitionHeader + r];

    /// <summary>The high-water mark replica <paramref name="r"/> knew when its broker went down (0 while it is up).</summary>
    public ref long Checkpoint(int p, int r) => ref _cells[Base(p) + PartitionHeader + replicas + r];

    /// <summary>How many of the leader's appends in-sync follower <paramref name="r"/> has not caught up with (0 for the leader and any replica out of the ISR).</summary>
    public ref long Behind(int p, int r) => ref _cells[Base(p) + PartitionHeader + (2 * replicas) + r];

    /// <summary>The partition of the record the thread's <c>acks(all)</c> produce waits for, or -1.</summary>
    public int WaitingPartition(int t) => (int)_cells[Waiter(t)] - 1;

    public long WaitingOffset(int t) => _cells[Waiter(t) + 1];

    public void Wait(int t, int p, long offset)
    {
        _cells[Waiter(t)] = p + 1;
        _cells[Waiter(t) + 1] = offset;
    }

    public void StopWaiting(int t) => _cells.Slice(Waiter(t), WaiterSize).Clear();

    /// <summary>The brokers down, bit r for replica r: crashed, and not restarted yet by their own thread's step.</summary>
    public ref long Down => ref _cells[^2];

    /// <summary>The brokers that have crashed at least once in the run, bit r for replica r.</summary>
    public ref long Crashed => ref _cells[^1];

    public bool IsDown(int r) => (Down & (1L << r)) != 0;

    private int Base(int p) => p * (PartitionHeader + (3 * replicas));

    private int Waiter(int t) => (partitions * (PartitionHeader + (3 * replicas))) + (t * WaiterSize);
}
