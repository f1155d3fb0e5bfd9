namespace IpcLab.Core.Objects.ProcessedIds;

/// <summary>
/// A table of processed ids' cells: [0] how many ids are recorded, then <c>capacity</c> slots
/// holding them in the order they were recorded; free slots hold zeros, so two tables with the
/// same ids are the same cells.
/// </summary>
internal readonly ref struct ProcessedIdsCells(Span<long> cells, int capacity)
{
    private readonly Span<long> _cells = cells;

    public static int CellsFor(int capacity) => 1 + capacity;

    public int Capacity => capacity;

    public int Count => (int)_cells[0];

    public long this[int i] => _cells[1 + i];

    public bool Contains(long id) => _cells.Slice(1, Count).Contains(id);

    /// <summary>Records an id not yet in the table (it has room).</summary>
    public void Record(long id)
    {
        _cells[1 + Count] = id;
        _cells[0]++;
    }

    /// <summary>True when the count fits, no id is recorded twice and the free slots hold zeros.</summary>
    public bool IsWellFormed()
    {
        if (Count < 0 || Count > capacity || _cells[(1 + Count)..].ContainsAnyExcept(0L))
        {
            return false;
        }

        for (var i = 1; i < Count; i++)
        {
            if (_cells.Slice(1, i).Contains(this[i]))
            {
                return false;
            }
        }

        return true;
    }
}
