namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// One copy of a message in the broker's table: where it is, the object it is at (an exchange
/// while in the inbox, then its queue), body and key (string ids), its publisher, its place in
/// its queue's order (a global sequence number: a requeued copy goes back by it), the consumer
/// holding it and the delivery tag it was given, how many times it was delivered, its flags, and
/// when it entered its queue.
/// Threads are stored plus one, so a free slot is all zeros.
/// </summary>
internal readonly ref struct MessageSlot(Span<long> cells)
{
    public const int Size = 11;

    private const int PlaceField = 0, AtField = 1, BodyField = 2, KeyField = 3, PublisherField = 4,
        SeqField = 5, ConsumerField = 6, TagField = 7, DeliveriesField = 8, FlagsField = 9, EnqueuedField = 10;

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

    /// <summary>True once it has been delivered before: a requeued copy is redelivered.</summary>
    public bool Redelivered => Deliveries > 0;

    public bool IsFree => Place == MessagePlace.Free;

    public void Clear() => _cells.Clear();

    public void CopyTo(MessageSlot other) => _cells.CopyTo(other._cells);

    /// <summary>True when every field of a free slot is zero (two brokers with the same messages are the same cells).</summary>
    public bool IsZero() => !_cells.ContainsAnyExcept(0L);
}
