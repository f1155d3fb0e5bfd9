namespace IpcLab.Core.Objects.Mutex;

/// <summary>A mutex's one cell: its owner thread, or -1 when free. Its entry queue is the threads' wait fields.</summary>
internal readonly ref struct MutexCells(Span<long> cells)
{
    public const int Size = 1;

    private readonly Span<long> _cells = cells;

    public int Owner
    {
        get => (int)_cells[0];
        set => _cells[0] = value;
    }

    public bool IsFree => _cells[0] < 0;
}
