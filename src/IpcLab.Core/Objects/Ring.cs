namespace IpcLab.Core.Objects;

/// <summary>
/// A bounded FIFO laid out in cells: [0] how many were ever taken (head), [1] how many were ever
/// put (tail), then the slots, indexed by count mod capacity. The one encoding of "a bounded
/// buffer": a free slot always holds 0, so two rings with the same items are the same cells up
/// to where the counters stand, and the hash and the dump read only the items.
/// </summary>
internal readonly ref struct Ring(Span<long> cells)
{
    public const int Header = 2;

    private readonly Span<long> _cells = cells;

    /// <summary>Cells for a ring of <paramref name="capacity"/> slots.</summary>
    public static int CellsFor(int capacity) => Header + capacity;

    public long Head => _cells[0];

    public long Tail => _cells[1];

    public int Capacity => _cells.Length - Header;

    public long Count => _cells[1] - _cells[0];

    public bool IsEmpty => Count == 0;

    public bool IsFull => Count >= Capacity;

    /// <summary>The i-th item from the head (0 = the oldest).</summary>
    public ref long this[long i] => ref _cells[Header + (int)((_cells[0] + i) % Capacity)];

    public void Append(long value)
    {
        _cells[Header + (int)(_cells[1] % Capacity)] = value;
        _cells[1]++;
    }

    public long RemoveFirst()
    {
        ref var at = ref this[0];
        var value = at;
        at = 0; // a free slot holds nothing, so states that differ only in stale slots are equal
        _cells[0]++;
        return value;
    }

    /// <summary>True when the counters make sense and every free slot holds 0 (an invariant of every ring).</summary>
    public bool IsWellFormed()
    {
        if (Head < 0 || Count < 0 || Count > Capacity)
        {
            return false;
        }

        for (var i = Count; i < Capacity; i++)
        {
            if (this[i] != 0)
            {
                return false;
            }
        }

        return true;
    }
}
