namespace IpcLab.Core.Explore;

/// <summary>
/// The states still to expand, first in first out: each its id, depth and state array, the numbers
/// written as variable-length bytes (most cells of a state are small: a state of 50 cells takes
/// about 60 bytes instead of 400) into chunks of a megabyte that are dropped once read. A
/// breadth-first search queues millions of states at its widest layer; that queue, not the
/// visited set, is then most of its memory. The sleep sets (see <see cref="StateSpaceSearch"/>)
/// are kept apart, one word a state, so a queued state's can be narrowed in place.
/// </summary>
internal sealed class StateQueue
{
    private const int ChunkBytes = 1 << 20;

    private readonly int _stateSize;
    private readonly int _maxRecord;
    private readonly ChunkPool _pool;
    private readonly Queue<byte[]> _chunks = new();
    private byte[] _write;
    private int _writeAt;
    private byte[] _read;
    private int _readAt;
    private ulong[] _sleep = new ulong[1024];
    private int _sleepHead;
    private int _firstId;
    private int _count;
    private long _peakBytes;

    public StateQueue(int stateSize)
        : this(stateSize, ChunkBytes, new ChunkPool())
    {
    }

    /// <summary>
    /// A queue whose first chunk holds <paramref name="firstChunkBytes"/>; each next one twice as
    /// many, up to a megabyte. Chunks come from <paramref name="pool"/> and go back to it once read.
    /// </summary>
    public StateQueue(int stateSize, int firstChunkBytes, ChunkPool pool)
    {
        _stateSize = stateSize;
        _maxRecord = (stateSize + 2) * 10;
        _pool = pool;
        _write = pool.Take(Math.Max(firstChunkBytes, _maxRecord));
        _read = _write;
    }

    public int Count => _count;

    /// <summary>Bytes the queue holds now: its chunks and its sleep sets.</summary>
    public long Bytes => ((_chunks.Count + (_read == _write ? 1L : 2L)) * _write.Length) + (_sleep.LongLength * sizeof(ulong));

    /// <summary>Bytes the queue held at its widest: its chunks and its sleep sets.</summary>
    public long PeakBytes => _peakBytes;

    public void Enqueue(int id, int depth, ReadOnlySpan<long> state) => Enqueue(id, depth, 0, state);

    /// <summary>Queues a state whose threads in <paramref name="sleep"/> (a bit each) need not be stepped.</summary>
    public void Enqueue(int id, int depth, ulong sleep, ReadOnlySpan<long> state)
    {
        if (_writeAt + _maxRecord > _write.Length)
        {
            // The chunk the reader is in is its own; the others wait in line for it.
            if (_read != _write)
            {
                _chunks.Enqueue(_write);
            }

            _write = _pool.Take(Math.Max(_write.Length, Math.Min(_write.Length * 2, ChunkBytes)));
            _writeAt = 0;
        }

        // The record is written through a span of its room and a local place, not the fields: this runs
        // for every state a search queues, and the fields would be stored back after every byte.
        var room = _write.AsSpan(_writeAt, _maxRecord);
        var at = Write(room, 0, id);
        at = Write(room, at, depth);
        foreach (var cell in state)
        {
            at = Write(room, at, cell);
        }

        _writeAt += at;

        if (_count == _sleep.Length)
        {
            GrowSleep();
        }

        if (_count == 0)
        {
            _firstId = id;
        }

        _sleep[(_sleepHead + _count) % _sleep.Length] = sleep;
        _count++;
        _peakBytes = Math.Max(_peakBytes, ((_chunks.Count + 2L) * _write.Length) + (_sleep.LongLength * sizeof(ulong)));
    }

    /// <summary>Takes the oldest state, copying it into <paramref name="state"/>.</summary>
    public (int Id, int Depth) Dequeue(Span<long> state) => Dequeue(state, out _);

    /// <summary>Takes the oldest state as <see cref="Dequeue(Span{long})"/> does, with its sleep set.</summary>
    public (int Id, int Depth) Dequeue(Span<long> state, out ulong sleep)
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("the queue is empty");
        }

        // The writer moves to a new chunk before a record could overflow its own, so a reader at
        // the end of a full chunk's records goes on at the start of the next one.
        if (_read != _write && _readAt + _maxRecord > _read.Length)
        {
            _pool.Return(_read);
            _read = _chunks.Count > 0 ? _chunks.Dequeue() : _write;
            _readAt = 0;
        }

        var record = _read.AsSpan(_readAt, Math.Min(_maxRecord, _read.Length - _readAt));
        var at = 0;
        var id = (int)Read(record, ref at);
        var depth = (int)Read(record, ref at);
        for (var i = 0; i < _stateSize; i++)
        {
            state[i] = Read(record, ref at);
        }

        _readAt += at;

        sleep = _sleep[_sleepHead];
        _sleepHead = (_sleepHead + 1) % _sleep.Length;
        _count--;
        _firstId = id + 1;
        return (id, depth);
    }

    /// <summary>Gives the chunks left to the pool once the queue is empty and will not be written again.</summary>
    public void Release()
    {
        if (_count != 0)
        {
            throw new InvalidOperationException("the queue still holds states");
        }

        // Read to its end, the reader may still be in the chunk before the writer's.
        if (_read != _write)
        {
            _pool.Return(_read);
        }

        _pool.Return(_write);
    }

    /// <summary>
    /// Keeps in the sleep set of queued state <paramref name="id"/> only the threads also in
    /// <paramref name="sleep"/>; false when that state is not queued (it was expanded already).
    /// Ids are queued in increasing order, one after the other, so the state's place is its id's distance from the oldest's.
    /// </summary>
    public bool NarrowSleep(int id, ulong sleep)
    {
        var place = (long)id - _firstId;
        if (place < 0 || place >= _count)
        {
            return false;
        }

        _sleep[(_sleepHead + (int)place) % _sleep.Length] &= sleep;
        return true;
    }

    // Zigzag then seven bits a byte: small numbers of either sign take one byte. Returns the place after it.
    private static int Write(Span<byte> room, int at, long value)
    {
        var z = (ulong)((value << 1) ^ (value >> 63));
        while (z >= 0x80)
        {
            room[at++] = (byte)(z | 0x80);
            z >>= 7;
        }

        room[at] = (byte)z;
        return at + 1;
    }

    private static long Read(ReadOnlySpan<byte> record, ref int at)
    {
        ulong z = record[at++];
        if (z >= 0x80)
        {
            z &= 0x7f;
            var shift = 7;
            byte b;
            do
            {
                b = record[at++];
                z |= (ulong)(b & 0x7f) << shift;
                shift += 7;
            }
            while (b >= 0x80);
        }

        return (long)(z >> 1) ^ -(long)(z & 1);
    }

    private void GrowSleep()
    {
        var bigger = new ulong[_sleep.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _sleep[(_sleepHead + i) % _sleep.Length];
        }

        _sleep = bigger;
        _sleepHead = 0;
    }
}
