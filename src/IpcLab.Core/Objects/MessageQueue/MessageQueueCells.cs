namespace IpcLab.Core.Objects.MessageQueue;

/// <summary>
/// A message queue's cells: [0] how many messages it holds, then <c>capacity</c> (value, priority)
/// pairs in delivery order (higher priority first, FIFO within one priority), then per thread a
/// <see cref="ParkedSend"/>. The order is kept by shifting, never by counters, and free pairs hold
/// zeros: two queues with the same messages are the same cells.
/// </summary>
internal readonly ref struct MessageQueueCells(Span<long> cells, int capacity)
{
    public const int Header = 1;
    private const int PairSize = 2;

    private readonly Span<long> _cells = cells;

    /// <summary>Cells for a queue of <paramref name="capacity"/> messages in a program of <paramref name="threads"/> threads.</summary>
    public static int CellsFor(int capacity, int threads) => Header + (PairSize * capacity) + (ParkedSend.Size * threads);

    public int Capacity => capacity;

    public int Count => (int)_cells[0];

    public bool IsEmpty => _cells[0] == 0;

    public bool IsFull => _cells[0] >= capacity;

    /// <summary>The i-th message to be received (0 = the next).</summary>
    public long Value(int i) => _cells[Header + (PairSize * i)];

    public long Priority(int i) => _cells[Header + (PairSize * i) + 1];

    /// <summary>The message a thread waits to send into this queue, if it waits.</summary>
    public ParkedSend Parked(int thread) => new(_cells.Slice(Header + (PairSize * capacity) + (ParkedSend.Size * thread), ParkedSend.Size));

    /// <summary>Puts a message after every message of the same or a higher priority (the queue has room).</summary>
    public void Insert(long value, long priority)
    {
        var count = Count;
        var at = 0;
        while (at < count && Priority(at) >= priority)
        {
            at++;
        }

        var pairs = _cells.Slice(Header, PairSize * capacity);
        pairs.Slice(PairSize * at, PairSize * (count - at)).CopyTo(pairs[(PairSize * (at + 1))..]);
        pairs[PairSize * at] = value;
        pairs[(PairSize * at) + 1] = priority;
        _cells[0] = count + 1;
    }

    /// <summary>Takes the first message out (the queue is not empty); the freed pair goes back to zeros.</summary>
    public (long Value, long Priority) RemoveFirst()
    {
        var count = Count;
        var first = (Value(0), Priority(0));
        var pairs = _cells.Slice(Header, PairSize * capacity);
        pairs.Slice(PairSize, PairSize * (count - 1)).CopyTo(pairs);
        pairs.Slice(PairSize * (count - 1), PairSize).Clear();
        _cells[0] = count - 1;
        return first;
    }

    /// <summary>True when the count fits, the priorities are in range and never rise from head to tail, and every free pair holds zeros.</summary>
    public bool IsWellFormed(int maxPriority)
    {
        var count = _cells[0];
        if (count < 0 || count > capacity)
        {
            return false;
        }

        for (var i = 0; i < capacity; i++)
        {
            var priority = Priority(i);
            var fits = i < count
                ? priority >= 0 && priority <= maxPriority && (i == 0 || Priority(i - 1) >= priority)
                : Value(i) == 0 && priority == 0;
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }
}
