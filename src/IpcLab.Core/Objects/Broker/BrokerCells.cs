namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// A broker's cells: a header (inbox count, messages published, dropped as unroutable, returned
/// to their publisher, the last sequence number given, dead letters sent back to the inbox, restarts,
/// messages lost from the inbox in a restart, dead letters dropped whole as a dead-letter cycle, whether it is down), the inbox (slot numbers of published
/// messages not routed yet, oldest first), <c>capacity</c> message slots (see
/// <see cref="MessageSlot"/>; each with room for <c>deathEntries</c> entries of death history), and per thread the last delivery tag its channel handed out and the
/// last tag of the channel a restart closed.
/// </summary>
internal readonly ref struct BrokerCells(Span<long> cells, int capacity, int deathEntries)
{
    private const int InboxCountField = 0, PublishedField = 1, UnroutableField = 2, ReturnedField = 3, SeqField = 4, DeadLetteredField = 5,
        RestartsField = 6, InboxLostField = 7, CycleDroppedField = 8, DownField = 9;
    private const int Header = 10;

    private readonly Span<long> _cells = cells;
    private readonly int _slotSize = MessageSlot.SizeFor(deathEntries);

    public static int CellsFor(int capacity, int threads, int deathEntries) => Header + capacity + (capacity * MessageSlot.SizeFor(deathEntries)) + (2 * threads);

    /// <summary>Dead letters that every queue their exchange routed them to refused as a dead-letter cycle: gone whole.</summary>
    public long CycleDropped { get => _cells[CycleDroppedField]; set => _cells[CycleDroppedField] = value; }

    public int Capacity => capacity;

    public int InboxCount { get => (int)_cells[InboxCountField]; private set => _cells[InboxCountField] = value; }

    public long Published { get => _cells[PublishedField]; set => _cells[PublishedField] = value; }

    public long Unroutable { get => _cells[UnroutableField]; set => _cells[UnroutableField] = value; }

    public long Returned { get => _cells[ReturnedField]; set => _cells[ReturnedField] = value; }

    /// <summary>Messages put back into the inbox as dead letters, at their queue's dead-letter exchange.</summary>
    public long DeadLettered { get => _cells[DeadLetteredField]; set => _cells[DeadLetteredField] = value; }

    /// <summary>How many times the broker crashed and restarted.</summary>
    public long Restarts { get => _cells[RestartsField]; set => _cells[RestartsField] = value; }

    /// <summary>True from a crash (<c>crash rabbit</c>, or an injected crash of its process) until the broker's own step restarts it: see <see cref="BrokerRestart"/>.</summary>
    public bool IsDown { get => _cells[DownField] != 0; set => _cells[DownField] = value ? 1 : 0; }

    /// <summary>The cell behind <see cref="IsDown"/> as stored: 0 or 1.</summary>
    public long DownCell => _cells[DownField];

    /// <summary>Messages that were in the inbox (published, not routed yet) when the broker restarted: gone with its memory.</summary>
    public long InboxLost { get => _cells[InboxLostField]; set => _cells[InboxLostField] = value; }

    /// <summary>The next sequence number: copies are ordered by it in their queues.</summary>
    public long NextSeq() => ++_cells[SeqField];

    public long LastSeq => _cells[SeqField];

    public int Inbox(int i) => (int)_cells[Header + i];

    public MessageSlot Slot(int slot) => new(_cells.Slice(Header + capacity + (slot * _slotSize), _slotSize));

    /// <summary>The last delivery tag the thread's channel handed out (tags start at 1).</summary>
    public ref long LastTag(int thread) => ref _cells[Header + capacity + (capacity * _slotSize) + (2 * thread)];

    /// <summary>
    /// The last delivery tag of the thread's channel that the broker's last restart closed (0: none):
    /// its client recovered with a new channel and keeps counting tags after it, so a tag up to this
    /// one is stale (see <see cref="BrokerRestart"/>).
    /// </summary>
    public ref long StaleTags(int thread) => ref _cells[Header + capacity + (capacity * _slotSize) + (2 * thread) + 1];

    public int FreeSlots()
    {
        var free = 0;
        for (var s = 0; s < capacity; s++)
        {
            free += Slot(s).IsFree ? 1 : 0;
        }

        return free;
    }

    /// <summary>A free slot (the lowest), or -1.</summary>
    public int FindFree()
    {
        for (var s = 0; s < capacity; s++)
        {
            if (Slot(s).IsFree)
            {
                return s;
            }
        }

        return -1;
    }

    public void AddToInbox(int slot) => _cells[Header + InboxCount++] = slot;

    /// <summary>Takes the oldest slot out of the inbox (it is not empty); the freed entry goes back to zero.</summary>
    public int TakeFromInbox()
    {
        var inbox = _cells.Slice(Header, capacity);
        var first = (int)inbox[0];
        var count = InboxCount;
        inbox[1..count].CopyTo(inbox);
        inbox[count - 1] = 0;
        InboxCount = count - 1;
        return first;
    }
}
