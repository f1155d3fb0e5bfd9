using System.Numerics;
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
internal sealed class ThreadRecords
{
    // Places a thread, picked by its cells' fold: a kept record is dropped only for another with the same fold.
    private const int PlaceBits = 8;
    private const int Places = 1 << PlaceBits;

    private long[] _cells = [];
    private ulong[] _hashes = [];
    private bool[] _kept = [];
    private Kernel? _keptBy;

    /// <summary>The record hash of thread <paramref name="t"/> in the kernel's present state.</summary>
    public ulong Record(Kernel kernel, long[] data, int t)
    {
        var layout = kernel.Layout;
        var stride = layout.ThreadStride;

        // A deadline's hash reads the clock, which is not in the thread's cells.
        if (layout.HasClock)
        {
            return StateHasher.ThreadRecord(kernel, data, t);
        }

        // The kept hashes are of this kernel's strings (a string's id is its place in the kernel's own table).
        if (!ReferenceEquals(kernel, _keptBy))
        {
            _keptBy = kernel;
            if (_cells.Length != layout.ThreadCount * Places * stride)
            {
                _cells = new long[layout.ThreadCount * Places * stride];
                _hashes = new ulong[layout.ThreadCount * Places];
                _kept = new bool[layout.ThreadCount * Places];
            }

            Array.Clear(_kept);
        }

        var cells = data.AsSpan(layout.ThreadField(t, 0), stride);
        var at = (t * Places) + Place(cells);
        var kept = _cells.AsSpan(at * stride, stride);

        // The ticket is left out of the comparison by making the kept one the same.
        kept[StateLayout.TicketField] = cells[StateLayout.TicketField];
        if (!_kept[at] || !cells.SequenceEqual(kept))
        {
            _hashes[at] = StateHasher.ThreadRecord(kernel, data, t);
            cells.CopyTo(kept);
            _kept[at] = true;
        }

        return _hashes[at];
    }

    private static int Place(ReadOnlySpan<long> cells)
    {
        var fold = 0UL;
        for (var i = 0; i < cells.Length; i++)
        {
            fold = BitOperations.RotateLeft(fold, 7) ^ (i == StateLayout.TicketField ? 0UL : (ulong)cells[i]);
        }

        return (int)((fold * 0x9e3779b97f4a7c15UL) >> (64 - PlaceBits));
    }
}
