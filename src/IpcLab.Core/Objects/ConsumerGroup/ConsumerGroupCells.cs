namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// A consumer group's cells: [0] its generation (how many rebalances so far), then per partition
/// (committed offset + 1, 0 = none; owner thread + 1, 0 = nobody; the owner's position, 0 without
/// an owner), then per thread (1 while a member; the partition its next poll looks at first).
/// Positions belong to the partition, not the member: a member that loses a partition loses its
/// position there, and the next owner starts at the committed offset.
/// </summary>
internal readonly ref struct ConsumerGroupCells(Span<long> cells, int partitions)
{
    private const int Header = 1;
    private const int PartitionSize = 3;
    private const int ThreadSize = 2;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(int partitions, int threads) => Header + (PartitionSize * partitions) + (ThreadSize * threads);

    public int Partitions => partitions;

    public ref long Generation => ref _cells[0];

    /// <summary>The committed offset of a partition, or -1 when the group has committed none.</summary>
    public long Committed(int p) => _cells[Header + (PartitionSize * p)] - 1;

    public void SetCommitted(int p, long offset) => _cells[Header + (PartitionSize * p)] = offset + 1;

    /// <summary>The member that owns a partition, or -1.</summary>
    public int Owner(int p) => (int)_cells[Header + (PartitionSize * p) + 1] - 1;

    public ref long Position(int p) => ref _cells[Header + (PartitionSize * p) + 2];

    /// <summary>Gives a partition to <paramref name="owner"/> (-1: nobody) at <paramref name="position"/> (0 for nobody).</summary>
    public void Assign(int p, int owner, long position)
    {
        _cells[Header + (PartitionSize * p) + 1] = owner + 1;
        _cells[Header + (PartitionSize * p) + 2] = owner < 0 ? 0 : position;
    }

    public long MemberFlag(int thread) => _cells[ThreadBase(thread)];

    public bool IsMember(int thread) => MemberFlag(thread) != 0;

    public void SetMember(int thread, bool member) => _cells[ThreadBase(thread)] = member ? 1 : 0;

    /// <summary>The partition a member's next poll looks at first.</summary>
    public ref long Cursor(int thread) => ref _cells[ThreadBase(thread) + 1];

    private int ThreadBase(int thread) => Header + (PartitionSize * partitions) + (ThreadSize * thread);
}
