namespace IpcLab.Core.Explore;

/// <summary>
/// The states still to expand, first in first out, each a state array of one fixed size with its
/// id, depth and sleep set (see <see cref="Explorer"/>), kept back to back in one circular buffer of longs: a breadth-first search queues
/// hundreds of thousands of states, and an array each would make the collector do most of the work.
/// </summary>
internal sealed class StateQueue
{
    private const int Header = 3; // id, depth, sleep set
    private readonly int _record;
    private long[] _buffer;
    private int _head;
    private int _count;

    public StateQueue(int stateSize)
    {
        _record = stateSize + Header;
        _buffer = new long[_record * 1024];
    }

    public int Count => _count;

    /// <summary>Long words held, for the memory figure: the buffer grows by doubling and never shrinks.</summary>
    public long Capacity => _buffer.LongLength;

    public void Enqueue(int id, int depth, ReadOnlySpan<long> state) => Enqueue(id, depth, 0, state);

    /// <summary>Queues a state whose threads in <paramref name="sleep"/> (a bit each) need not be stepped.</summary>
    public void Enqueue(int id, int depth, ulong sleep, ReadOnlySpan<long> state)
    {
        if ((_count + 1) * _record > _buffer.Length)
        {
            Grow();
        }

        var at = (_head + _count) % Slots * _record;
        _buffer[at] = id;
        _buffer[at + 1] = depth;
        _buffer[at + 2] = (long)sleep;
        state.CopyTo(_buffer.AsSpan(at + Header, _record - Header));
        _count++;
    }

    /// <summary>Takes the oldest state, copying it into <paramref name="state"/> (its slot is reused by later states).</summary>
    public (int Id, int Depth) Dequeue(Span<long> state) => Dequeue(state, out _);

    /// <summary>Takes the oldest state as <see cref="Dequeue(Span{long})"/> does, with its sleep set.</summary>
    public (int Id, int Depth) Dequeue(Span<long> state, out ulong sleep)
    {
        var at = _head * _record;
        _buffer.AsSpan(at + Header, _record - Header).CopyTo(state);
        var result = ((int)_buffer[at], (int)_buffer[at + 1]);
        sleep = (ulong)_buffer[at + 2];
        _head = (_head + 1) % Slots;
        _count--;
        return result;
    }

    /// <summary>
    /// Keeps in the sleep set of queued state <paramref name="id"/> only the threads also in
    /// <paramref name="sleep"/>; false when that state is not queued (it was expanded already).
    /// Ids are queued in increasing order, one after the other, so the state's place is its id's distance from the head's.
    /// </summary>
    public bool NarrowSleep(int id, ulong sleep)
    {
        if (_count == 0)
        {
            return false;
        }

        var place = (long)id - _buffer[_head * _record];
        if (place < 0 || place >= _count)
        {
            return false;
        }

        _buffer[((_head + (int)place) % Slots * _record) + 2] &= (long)sleep;
        return true;
    }

    private int Slots => _buffer.Length / _record;

    private void Grow()
    {
        var bigger = new long[_buffer.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            _buffer.AsSpan((_head + i) % Slots * _record, _record).CopyTo(bigger.AsSpan(i * _record, _record));
        }

        _buffer = bigger;
        _head = 0;
    }
}
