using System.Numerics;
using System.Runtime.CompilerServices;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The threads' record hashes (<see cref="StateHasher.ThreadRecord"/>) of the states keyed so far,
/// a few hundred a thread, each found again by the thread's cells but its wait ticket (which the
/// record leaves out: a thread's place in its wait queue is mixed in after, from every thread's
/// ticket): a thread takes few different records in a whole exploration (a place in its code, a
/// few locals), and a state's successors each move one thread, so almost every record a key
/// needs was hashed for an earlier key.
/// </summary>
/// <param name="placeBits">
/// The places a thread has, as a power of two, each picked by the thread's cells' fold: a kept
/// record is dropped only for another with the same place (fewer places only make more records
/// hashed again).
/// </param>
internal sealed class ThreadRecords(int placeBits = 8)
{
    private const int Ticket = StateLayout.TicketField;

    private readonly int _places = 1 << placeBits;

    private long[] _cells = [];
    private ulong[] _hashes = [];
    private bool[] _kept = [];
    private int _stride;
    private Kernel? _keptBy;

    /// <summary>The record hash of thread <paramref name="t"/> in the kernel's present state (<paramref name="data"/>, its state array).</summary>
    public ulong Record(Kernel kernel, long[] data, int t)
    {
        var layout = kernel.Layout;

        // A deadline's hash reads the clock, which is not in the thread's cells.
        if (layout.HasClock)
        {
            return StateHasher.ThreadRecord(kernel, data, t);
        }

        if (!ReferenceEquals(kernel, _keptBy) || data.Length < layout.Size)
        {
            Start(kernel, data);
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)t, (uint)layout.ThreadCount, nameof(t));

        // The cells are read past the first one's index unchecked: the state array holds every
        // thread's whole record (checked in Start, and t is one of its threads), and a kept place
        // holds a whole stride. This is the explorer's hottest loop: a bounds check a cell costs
        // more than the rest.
        var stride = _stride;
        ref var cells = ref data[layout.ThreadField(t, 0)];
        var at = (t * _places) + Place(ref cells, stride);
        ref var kept = ref _cells[at * stride];
        if (!_kept[at] || !SameButTicket(ref cells, ref kept, stride))
        {
            _hashes[at] = StateHasher.ThreadRecord(kernel, data, t);
            for (var i = 0; i < stride; i++)
            {
                Unsafe.Add(ref kept, i) = Unsafe.Add(ref cells, i);
            }

            _kept[at] = true;
        }

        return _hashes[at];
    }

    /// <summary>Forgets every kept record: they are of another kernel's strings (a string's id is its place in the kernel's own table).</summary>
    private void Start(Kernel kernel, long[] data)
    {
        var layout = kernel.Layout;
        if (data.Length < layout.Size || layout.ThreadStride <= Ticket)
        {
            throw new ArgumentException($"a state array of {data.Length} cells for a layout of {layout.Size}", nameof(data));
        }

        _keptBy = kernel;
        _stride = layout.ThreadStride;
        if (_cells.Length != layout.ThreadCount * _places * _stride)
        {
            _cells = new long[layout.ThreadCount * _places * _stride];
            _hashes = new ulong[layout.ThreadCount * _places];
            _kept = new bool[layout.ThreadCount * _places];
        }

        Array.Clear(_kept);
    }

    // One pass that never branches on a cell.
    private static bool SameButTicket(ref long cells, ref long kept, int stride)
    {
        var differ = 0L;
        for (var i = 0; i < Ticket; i++)
        {
            differ |= Unsafe.Add(ref cells, i) ^ Unsafe.Add(ref kept, i);
        }

        for (var i = Ticket + 1; i < stride; i++)
        {
            differ |= Unsafe.Add(ref cells, i) ^ Unsafe.Add(ref kept, i);
        }

        return differ == 0;
    }

    private int Place(ref long cells, int stride)
    {
        var fold = 0UL;
        for (var i = 0; i < Ticket; i++)
        {
            fold = BitOperations.RotateLeft(fold, 7) ^ (ulong)Unsafe.Add(ref cells, i);
        }

        for (var i = Ticket + 1; i < stride; i++)
        {
            fold = BitOperations.RotateLeft(fold, 7) ^ (ulong)Unsafe.Add(ref cells, i);
        }

        return (int)((fold * 0x9e3779b97f4a7c15UL) >> (64 - placeBits)) & (_places - 1);
    }
}
