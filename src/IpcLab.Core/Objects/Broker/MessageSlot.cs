namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// One copy of a message in the broker's table: where it is, the object it is at (an exchange
/// while in the inbox, then its queue), body and key (string ids), its publisher, its place in
/// its queue's order (a global sequence number: a requeued copy goes back by it), the consumer
/// holding it and the delivery tag it was given, how many times it was delivered, its flags,
/// when it entered its queue, its own TTL, and its death history (see <see cref="DeathReason"/>).
/// Threads are stored plus one, so a free slot is all zeros.
/// </summary>
internal readonly ref struct MessageSlot(Span<long> cells)
{
    public const int Size = 14;

    private const int PlaceField = 0, AtField = 1, BodyField = 2, KeyField = 3, PublisherField = 4,
        SeqField = 5, ConsumerField = 6, TagField = 7, DeliveriesField = 8, FlagsField = 9, EnqueuedField = 10,
        DeathField = 11, VisitedField = 12, TtlField = 13;

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

    /// <summary>Its death history, as kept here: the last reason in the low byte, whether it was ever rejected (bit 8), and how many times it was dead-lettered (from bit 16).</summary>
    public DeathReason LastDeath => (DeathReason)(_cells[DeathField] & 0xFF);

    public bool EverRejected => (_cells[DeathField] & 0x100) != 0;

    public long Deaths => _cells[DeathField] >> 16;

    /// <summary>The queues (by object id, below 63) it was dead-lettered from: a dead-letter cycle shows as a queue met twice.</summary>
    public long Visited { get => _cells[VisitedField]; set => _cells[VisitedField] = value; }

    /// <summary>Records one more death, for this reason.</summary>
    public void Die(DeathReason reason) =>
        _cells[DeathField] = ((Deaths + 1) << 16) | (EverRejected || reason == DeathReason.Rejected ? 0x100L : 0) | (long)reason;

    /// <summary>True once it has been delivered before: a requeued copy is redelivered.</summary>
    public bool Redelivered => Deliveries > 0;

    public bool IsFree => Place == MessagePlace.Free;

    public void Clear() => _cells.Clear();

    public void CopyTo(MessageSlot other) => _cells.CopyTo(other._cells);

    /// <summary>True when every field of a free slot is zero (two brokers with the same messages are the same cells).</summary>
    public bool IsZero() => !_cells.ContainsAnyExcept(0L);
}
