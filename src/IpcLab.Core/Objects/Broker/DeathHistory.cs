namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// A message's death history, as RabbitMQ keeps it in its <c>x-death</c> header: one entry per
/// (queue, reason) with a count, newest first; an entry keeps the exchange the message had been
/// published to and the routing key it had when it first died there for that reason. Each entry
/// is three cells: the queue and the exchange (both plus one) and the reason, the count, and the
/// key (a string id). Entries are packed from the front; an empty entry is zero. The broker's
/// program gives each message room for every (queue, reason) it could die for (see
/// <see cref="BrokerTopology"/>), so an entry always fits.
/// </summary>
internal readonly ref struct DeathHistory(Span<long> cells)
{
    public const int EntrySize = 3;

    private readonly Span<long> _cells = cells;

    /// <summary>How many entries fit.</summary>
    public int Room => _cells.Length / EntrySize;

    public int Count
    {
        get
        {
            var n = 0;
            while (n < Room && _cells[n * EntrySize] != 0)
            {
                n++;
            }

            return n;
        }
    }

    public int Queue(int i) => (int)(_cells[i * EntrySize] & 0xFFFFFF) - 1;

    public DeathReason Reason(int i) => (DeathReason)((_cells[i * EntrySize] >> 24) & 0xFF);

    public int Exchange(int i) => (int)(_cells[i * EntrySize] >> 32) - 1;

    public long CountOf(int i) => _cells[(i * EntrySize) + 1];

    public long Key(int i) => _cells[(i * EntrySize) + 2];

    /// <summary>The reason of the newest entry, or None.</summary>
    public DeathReason Last => Room == 0 || _cells[0] == 0 ? DeathReason.None : Reason(0);

    /// <summary>Every death, over every entry.</summary>
    public long Total
    {
        get
        {
            var total = 0L;
            for (var i = 0; i < Room && _cells[i * EntrySize] != 0; i++)
            {
                total += CountOf(i);
            }

            return total;
        }
    }

    /// <summary>One more death in <paramref name="queue"/> for <paramref name="reason"/>; returns that entry's count.</summary>
    public long Record(int queue, DeathReason reason, int exchange, long key)
    {
        var count = Count;
        var found = -1;
        for (var i = 0; i < count && found < 0; i++)
        {
            found = Queue(i) == queue && Reason(i) == reason ? i : -1;
        }

        // RabbitMQ moves the entry it counts to the front, keeping its exchange and keys: the
        // history reads newest first, and the cycle rule walks it in that order.
        var entry = found >= 0 ? _cells.Slice(found * EntrySize, EntrySize).ToArray() : [Word(queue, reason, exchange), 0, key];
        var shifted = found >= 0 ? found : count;
        if (shifted == Room)
        {
            throw new InvalidOperationException($"a death history with room for {Room} entries has no room for one more");
        }

        _cells[..(shifted * EntrySize)].CopyTo(_cells[EntrySize..]);
        entry[1]++;
        entry.CopyTo(_cells);
        return entry[1];
    }

    /// <summary>
    /// RabbitMQ's cycle rule for a dead letter about to enter <paramref name="queue"/>: it died
    /// there before, and neither that death nor any newer one was a rejection. Such a message would
    /// go round for ever with nobody deciding anything, so RabbitMQ drops it for that queue.
    /// </summary>
    public bool IsCycle(int queue)
    {
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            if (Reason(i) == DeathReason.Rejected)
            {
                return false;
            }

            if (Queue(i) == queue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The newest entry of <paramref name="queue"/>, or -1.</summary>
    public int Find(int queue)
    {
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            if (Queue(i) == queue)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when the entries are packed from the front, each well formed, no (queue, reason) twice, and the rest zero.</summary>
    public bool IsWellFormed(Func<int, bool> isQueue, Func<int, bool> isExchange)
    {
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            if (!isQueue(Queue(i)) || Reason(i) is < DeathReason.Rejected or > DeathReason.DeliveryLimit || !isExchange(Exchange(i)) || CountOf(i) < 1 || Key(i) < 0)
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (Queue(j) == Queue(i) && Reason(j) == Reason(i))
                {
                    return false;
                }
            }
        }

        return !_cells[(count * EntrySize)..].ContainsAnyExcept(0L);
    }

    private static long Word(int queue, DeathReason reason, int exchange) => (long)(queue + 1) | ((long)reason << 24) | ((long)(exchange + 1) << 32);
}
