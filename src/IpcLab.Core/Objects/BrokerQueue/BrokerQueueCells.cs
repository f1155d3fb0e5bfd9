namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>
/// A broker queue's cells: a header (ready count; copies routed in; and what ended: acked,
/// discarded by nack or reject, lost at an autoack consumer, dropped from the head or refused at
/// the maximum length, expired, past the delivery limit; the last consumer served; whether a
/// restart lost the queue), the ready
/// messages (slot numbers in the broker's table, in queue order), then per thread its consumer
/// record: mode, prefetch, and how many of this queue's messages it holds unacknowledged.
/// </summary>
internal readonly ref struct BrokerQueueCells(Span<long> cells, int capacity)
{
    private const int ReadyCountField = 0, RoutedField = 1, AckedField = 2, DiscardedField = 3, LostField = 4, LastServedField = 5,
        DroppedField = 6, RefusedField = 7, ExpiredField = 8, PoisonedField = 9, GoneField = 10;
    private const int Header = 11;
    private const int ConsumerSize = 3;

    private readonly Span<long> _cells = cells;

    public static int CellsFor(int capacity, int threads) => Header + capacity + (ConsumerSize * threads);

    public int ReadyCount { get => (int)_cells[ReadyCountField]; private set => _cells[ReadyCountField] = value; }

    public long Routed { get => _cells[RoutedField]; set => _cells[RoutedField] = value; }

    public long Acked { get => _cells[AckedField]; set => _cells[AckedField] = value; }

    public long Discarded { get => _cells[DiscardedField]; set => _cells[DiscardedField] = value; }

    public long Lost { get => _cells[LostField]; set => _cells[LostField] = value; }

    /// <summary>Ready messages dropped from the head to make room (overflow drop-head).</summary>
    public long Dropped { get => _cells[DroppedField]; set => _cells[DroppedField] = value; }

    /// <summary>Copies refused because the queue was full (overflow reject-publish).</summary>
    public long Refused { get => _cells[RefusedField]; set => _cells[RefusedField] = value; }

    /// <summary>Messages dropped at the head because their TTL passed.</summary>
    public long Expired { get => _cells[ExpiredField]; set => _cells[ExpiredField] = value; }

    /// <summary>Messages returned more times than the queue's delivery limit: not requeued but dead-lettered or dropped.</summary>
    public long Poisoned { get => _cells[PoisonedField]; set => _cells[PoisonedField] = value; }

    /// <summary>True once a restart lost the queue: it was not durable, and nothing declares it again (see <see cref="Broker.TransientTopology"/>).</summary>
    public bool IsGone { get => _cells[GoneField] != 0; set => _cells[GoneField] = value ? 1 : 0; }

    /// <summary>The cell behind <see cref="IsGone"/> as stored: 0 or 1.</summary>
    public long GoneCell => _cells[GoneField];

    /// <summary>The consumer served last (round-robin goes on after it), or -1.</summary>
    public int LastServed { get => (int)_cells[LastServedField] - 1; set => _cells[LastServedField] = value + 1; }

    /// <summary>The i-th ready message's slot (0 = the head).</summary>
    public int Ready(int i) => (int)_cells[Header + i];

    public ConsumerMode Mode(int thread) => (ConsumerMode)_cells[ConsumerAt(thread)];

    public long Prefetch(int thread) => _cells[ConsumerAt(thread) + 1];

    public ref long Outstanding(int thread) => ref _cells[ConsumerAt(thread) + 2];

    public void StartConsuming(int thread, ConsumerMode mode, long prefetch)
    {
        _cells[ConsumerAt(thread)] = (long)mode;
        _cells[ConsumerAt(thread) + 1] = prefetch;
    }

    public void StopConsuming(int thread)
    {
        _cells[ConsumerAt(thread)] = 0;
        _cells[ConsumerAt(thread) + 1] = 0;
    }

    /// <summary>True when the broker may push to the thread now: it consumes, and with manual acks its window is open.</summary>
    public bool WindowOpen(int thread) => Mode(thread) switch
    {
        ConsumerMode.AutoAck => true,
        ConsumerMode.ManualAck => Prefetch(thread) == 0 || Outstanding(thread) < Prefetch(thread),
        _ => false,
    };

    /// <summary>
    /// Puts a slot into the ready list in queue order: a higher priority level first (strict
    /// priority; <paramref name="maxPriority"/> 0 means the queue ignores priorities), and within a
    /// level by sequence number, so a new copy goes to the tail of its level and a requeued one
    /// back to its place in it.
    /// </summary>
    public int InsertReady(int slot, Broker.BrokerCells broker, int maxPriority = 0)
    {
        var count = ReadyCount;
        var at = count;
        while (at > 0 && Before(broker.Slot(slot), broker.Slot(Ready(at - 1)), maxPriority))
        {
            at--;
        }

        var ready = _cells.Slice(Header, capacity);
        ready[at..count].CopyTo(ready[(at + 1)..]);
        ready[at] = slot;
        ReadyCount = count + 1;
        return at;
    }

    /// <summary>A message's priority level in a queue: above the maximum counts as the maximum, and a queue without one has a single level.</summary>
    public static int LevelOf(Broker.MessageSlot m, int maxPriority) => Math.Min(m.Priority, maxPriority);

    /// <summary>True when <paramref name="a"/> goes before <paramref name="b"/> in a queue of that maximum priority.</summary>
    public static bool Before(Broker.MessageSlot a, Broker.MessageSlot b, int maxPriority) =>
        LevelOf(a, maxPriority) is var la && LevelOf(b, maxPriority) is var lb && (la > lb || (la == lb && a.Seq < b.Seq));

    /// <summary>Takes the head out (the queue has one); the freed entry goes back to zero.</summary>
    public int TakeHead() => TakeAt(0);

    /// <summary>Takes the i-th ready message out (the ones behind it move up); the freed entry goes back to zero.</summary>
    public int TakeAt(int i)
    {
        var ready = _cells.Slice(Header, capacity);
        var slot = (int)ready[i];
        var count = ReadyCount;
        ready[(i + 1)..count].CopyTo(ready[i..]);
        ready[count - 1] = 0;
        ReadyCount = count - 1;
        return slot;
    }

    /// <summary>True when every ready entry past the count is zero.</summary>
    public bool FreeEntriesAreZero() => !_cells.Slice(Header + ReadyCount, capacity - ReadyCount).ContainsAnyExcept(0L);

    private int ConsumerAt(int thread) => Header + capacity + (ConsumerSize * thread);
}
