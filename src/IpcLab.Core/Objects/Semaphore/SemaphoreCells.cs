namespace IpcLab.Core.Objects.Semaphore;

/// <summary>A semaphore's one cell: its count. The wait queue is the threads' wait fields, as for every object.</summary>
internal readonly ref struct SemaphoreCells(Span<long> cells)
{
    public const int Size = 1;

    private readonly Span<long> _cells = cells;

    public ref long Count => ref _cells[0];
}
