namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A topic's cells: [0] the partition the next record without a key goes to, then per partition
/// its log start and log end offsets and <c>retain</c> record slots of (0 no key, 1 a key, 2 a key
/// whose newer value made compaction remove this one; key; value; the step that appended it). The
/// record at offset o lives in slot o mod retain, so offsets are never stored: they are dense by
/// construction. Slots of offsets outside [start, end) hold zeros: two topics with the same records
/// are the same cells.
/// </summary>
internal readonly ref struct TopicCells(Span<long> cells, int partitions, int retain)
{
    private const int Header = 1;
    private const int PartitionHeader = 2;
    private const int RecordSize = 4;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(int partitions, int retain) => Header + (partitions * Stride(retain));

    private static int Stride(int retain) => PartitionHeader + (RecordSize * retain);

    public int Partitions => partitions;

    public int Retain => retain;

    /// <summary>The partition the next record without a key goes to.</summary>
    public ref long NextPartition => ref _cells[0];

    /// <summary>The offset of the oldest record still retained (the next to be deleted).</summary>
    public long Start(int p) => _cells[Base(p)];

    /// <summary>The offset the next record appended to the partition gets (the log end offset).</summary>
    public long End(int p) => _cells[Base(p) + 1];

    public long Retained(int p) => End(p) - Start(p);

    public bool HasKey(int p, long offset) => _cells[Slot(p, offset)] != 0;

    /// <summary>True for a record compaction removed (a newer one of its key came): its offset stays, a poll skips it.</summary>
    public bool IsCompacted(int p, long offset) => _cells[Slot(p, offset)] == 2;

    public void Compact(int p, long offset) => _cells[Slot(p, offset)] = 2;

    /// <summary>The first offset from <paramref name="from"/> (or the log start) of a record compaction did not remove, or the log end.</summary>
    public long NextLive(int p, long from)
    {
        var offset = Math.Max(from, Start(p));
        while (offset < End(p) && IsCompacted(p, offset))
        {
            offset++;
        }

        return offset;
    }

    public long Key(int p, long offset) => _cells[Slot(p, offset) + 1];

    public long Value(int p, long offset) => _cells[Slot(p, offset) + 2];

    /// <summary>The step that appended the record (1 for the first step of the run).</summary>
    public long AppendedAt(int p, long offset) => _cells[Slot(p, offset) + 3];

    /// <summary>Deletes the oldest record of the partition (it holds one) and returns its value; the log start moves on.</summary>
    public long RetireOldest(int p)
    {
        var start = Start(p);
        var value = Value(p, start);
        _cells.Slice(Slot(p, start), RecordSize).Clear();
        _cells[Base(p)] = start + 1;
        return value;
    }

    /// <summary>
    /// Removes the records from <paramref name="end"/> on (a new leader's log ends there); when
    /// retention had already deleted past it, the log is left empty and starts at <paramref name="end"/>.
    /// </summary>
    public void TruncateTo(int p, long end)
    {
        while (End(p) > Math.Max(end, Start(p)))
        {
            var last = End(p) - 1;
            _cells.Slice(Slot(p, last), RecordSize).Clear();
            _cells[Base(p) + 1] = last;
        }

        if (End(p) > end)
        {
            _cells[Base(p)] = end;
            _cells[Base(p) + 1] = end;
        }
    }

    /// <summary>Appends a record at the log end (the partition has room) and returns its offset.</summary>
    public long Append(int p, bool hasKey, long key, long value, long step)
    {
        var offset = End(p);
        var slot = Slot(p, offset);
        _cells[slot] = hasKey ? 1 : 0;
        _cells[slot + 1] = hasKey ? key : 0;
        _cells[slot + 2] = value;
        _cells[slot + 3] = step;
        _cells[Base(p) + 1] = offset + 1;
        return offset;
    }

    /// <summary>True when 0 &lt;= start &lt;= end, at most <c>retain</c> records are kept, and the slots of offsets not retained hold zeros.</summary>
    public bool IsWellFormed(int p)
    {
        var (start, end) = (Start(p), End(p));
        if (start < 0 || end < start || end - start > retain)
        {
            return false;
        }

        for (var i = 0; i < retain; i++)
        {
            var slot = Base(p) + PartitionHeader + (RecordSize * i);
            var retained = Retained(p) == retain || Mod(i - start) < end - start;
            var flag = _cells[slot];
            if (flag is < 0 or > 2 || (!retained && _cells.Slice(slot, RecordSize).ContainsAnyExcept(0L)) || (flag == 0 && _cells[slot + 1] != 0))
            {
                return false;
            }
        }

        return true;
    }

    private int Mod(long x) => (int)(((x % retain) + retain) % retain);

    private static int Base(int p, int retain) => Header + (p * Stride(retain));

    private int Base(int p) => Base(p, retain);

    private int Slot(int p, long offset) => Base(p) + PartitionHeader + (RecordSize * (int)(offset % retain));
}
