namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// One copy of a message in the broker's table: where it is, the object it is at (an exchange
/// while in the inbox, then its queue), body and key (string ids), its publisher, its place in
/// its queue's order (a global sequence number: a requeued copy goes back by it), the consumer
/// holding it and the delivery tag it was given, how many times it was delivered, its flags,
/// when it entered its queue, its own TTL, the exchange it was published to, its priority, its id, and,
/// after those fixed fields, its death history (see <see cref="DeathHistory"/>), as wide as the
/// broker's program needs. Threads and exchanges are stored plus one, so a free slot is all zeros.
/// </summary>
internal readonly ref struct MessageSlot(Span<long> cells)
{
    /// <summary>The cells before the death history.</summary>
    public const int FixedSize = 15;

    private const int PlaceField = 0, AtField = 1, BodyField = 2, KeyField = 3, PublisherField = 4,
        SeqField = 5, ConsumerField = 6, TagField = 7, DeliveriesField = 8, FlagsField = 9, EnqueuedField = 10,
        TtlField = 11, ExchangeField = 12, PriorityField = 13, IdField = 14;

    /// <summary>The cells of a slot whose history holds <paramref name="deathEntries"/> entries.</summary>
    public static int SizeFor(int deathEntries) => FixedSize + (DeathHistory.EntrySize * deathEntries);

    private readonly Span<long> _cells = cells;

    public MessagePlace Place { get => (MessagePlace)_cells[PlaceField]; set => _cells[PlaceField] = (long)value; }

    public int At { get => (int)_cells[AtField]; set => _cells[AtField] = value; }

    public long Body { get => _cells[BodyField]; set => _cells[BodyField] = value; }

    public long Key { get => _cells[KeyField]; set => _cells[KeyField] = value; }

    public int Publisher { get => (int)_cells[PublisherField] - 1; set => _cells[PublisherField] = value + 1; }

    public long Seq { get => _cells[SeqField]; set => _cells[SeqField] = value; }

    /// <summary>The thread holding it (pushed or unacked), or -1.</summary>
    public int Consumer { get => (int)_cells[ConsumerField] - 1; set => _cells[ConsumerField] = value + 1; }

    public long Tag { get => _cells[TagField]; set => _cells[TagField] = value; }

    public long Deliveries { get => _cells[DeliveriesField]; set => _cells[DeliveriesField] = value; }

    public PublishFlags Flags { get => (PublishFlags)_cells[FlagsField]; set => _cells[FlagsField] = (long)value; }

    /// <summary>The kernel clock when it was routed into a queue with a TTL, which counts from there (a requeue keeps it); 0 otherwise.</summary>
    public long EnqueuedAt { get => _cells[EnqueuedField]; set => _cells[EnqueuedField] = value; }

    /// <summary>Its own TTL in steps, set by its publisher (the expiration property), or 0; dead-lettering removes it.</summary>
    public long Ttl { get => _cells[TtlField]; set => _cells[TtlField] = value; }

    /// <summary>The exchange it was published to (by a client, or by its last dead-lettering), which its death history records; -1 in a free slot.</summary>
    public int Exchange { get => (int)_cells[ExchangeField] - 1; set => _cells[ExchangeField] = value + 1; }

    /// <summary>The priority its publisher gave it (0 to 255; 0 when none was given).</summary>
    public int Priority { get => (int)_cells[PriorityField]; set => _cells[PriorityField] = value; }

    /// <summary>
    /// Which message it is: its publish number in its broker, from 1 (0 in a free slot). Every copy
    /// routing or dead-lettering makes of it keeps it, so two messages with the same body stay two.
    /// </summary>
    public long Id { get => _cells[IdField]; set => _cells[IdField] = value; }

    /// <summary>Its death history, RabbitMQ's x-death: one entry per (queue, reason), newest first.</summary>
    public DeathHistory History => new(_cells[FixedSize..]);

    /// <summary>Why it was last dead-lettered (None: never).</summary>
    public DeathReason LastDeath => History.Last;

    /// <summary>How many times it was dead-lettered, over every entry of its history.</summary>
    public long Deaths => History.Total;

    /// <summary>True once it has been delivered before: a requeued copy is redelivered.</summary>
    public bool Redelivered => Deliveries > 0;

    public bool IsFree => Place == MessagePlace.Free;

    public void Clear() => _cells.Clear();

    public void CopyTo(MessageSlot other) => _cells.CopyTo(other._cells);

    /// <summary>True when every field of a free slot is zero (two brokers with the same messages are the same cells).</summary>
    public bool IsZero() => !_cells.ContainsAnyExcept(0L);
}
