namespace IpcLab.Core.Objects.SharedMemory;

/// <summary>A segment's cells: [0] a bit set of the processes that map it (bit p = process p), then its words.</summary>
internal readonly ref struct SegmentCells(Span<long> cells)
{
    public const int Header = 1;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(int words) => Header + words;

    public long MappedBy => _cells[0];

    public Span<long> Words => _cells[Header..];

    public bool Maps(int process) => (_cells[0] & (1L << process)) != 0;

    public void SetMapped(int process, bool mapped) =>
        _cells[0] = mapped ? _cells[0] | (1L << process) : _cells[0] & ~(1L << process);
}
