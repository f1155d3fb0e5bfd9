using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace IpcLab.Core.Explore;

/// <summary>
/// The visited set of an exploration: state keys (64-bit hashes) to state ids, in one open-addressing
/// table of 12-byte slots (the key and the id side by side, at most three quarters full), instead of
/// a dictionary's entries and buckets: the table is most of an exploration's memory. A key and its id
/// share a slot so that a look-up, which lands on a slot no cache holds, waits for memory once, not
/// once for the key and again for the id.
/// </summary>
internal sealed class VisitedTable
{
    // 0 marks an empty slot, so a key that is 0 is stored as this one (a state whose hash is 0
    // shares its slot with one whose hash is this: as unlikely as any other two equal hashes).
    private const ulong ZeroKey = 0x9e3779b97f4a7c15UL;

    private Slot[] _slots = new Slot[1024];
    private int _count;

    public int Count => _count;

    /// <summary>Bytes held by the table.</summary>
    public long Bytes => _slots.LongLength * Marshal.SizeOf<Slot>();

    // The states keyed last, one slot each by the key's low bits (384 KB, which the processor's
    // second-level cache holds): most states a search reaches again it reached a few expansions
    // before (two threads' steps in either order), and finding them here saves a wait for memory.
    // A key here is always in the table: the table never drops one.
    private const int RecentSlots = 1 << 15;
    private readonly Slot[] _recent = new Slot[RecentSlots];

    public bool TryGetId(ulong key, out int id)
    {
        key = key == 0 ? ZeroKey : key;
        ref var recent = ref Recent(key);
        if (recent.Key == key)
        {
            id = recent.Id;
            return true;
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        for (var at = Place(key, mask); slots[at].Key != 0; at = (at + 1) & mask)
        {
            if (slots[at].Key == key)
            {
                id = slots[at].Id;
                recent = slots[at];
                return true;
            }
        }

        id = -1;
        return false;
    }

    /// <summary>
    /// Asks the processor to bring the slot a look-up of <paramref name="key"/> starts at into its
    /// cache, and returns at once: a look-up made a little later finds it there instead of waiting
    /// for memory. Only a hint: the table may have grown in between, which costs the wait again.
    /// </summary>
    public unsafe void Prefetch(ulong key)
    {
        key = key == 0 ? ZeroKey : key;
        if (Sse.IsSupported && Recent(key).Key != key)
        {
            var slots = _slots;
            fixed (Slot* slot = &slots[Place(key, slots.Length - 1)])
            {
                Sse.Prefetch0(slot);
            }
        }
    }

    /// <summary>Adds a key not in the table yet.</summary>
    public void Add(ulong key, int id)
    {
        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        key = key == 0 ? ZeroKey : key;
        Insert(_slots, key, id);
        Recent(key) = new Slot(key, id);
        _count++;
    }

    private ref Slot Recent(ulong key) => ref _recent[(int)key & (RecentSlots - 1)];

    // Fibonacci hashing: the state hashes are good already, the multiply spreads their high bits.
    private static int Place(ulong key, int mask) => (int)((key * 0x9e3779b97f4a7c15UL) >> 32) & mask;

    private static void Insert(Slot[] slots, ulong key, int id)
    {
        var mask = slots.Length - 1;
        var at = Place(key, mask);
        while (slots[at].Key != 0)
        {
            if (slots[at].Key == key)
            {
                throw new InvalidOperationException("the state is in the visited set already");
            }

            at = (at + 1) & mask;
        }

        slots[at] = new Slot(key, id);
    }

    private void Grow()
    {
        var slots = HugePages.NewArray<Slot>(_slots.Length * 2);
        foreach (var slot in _slots)
        {
            if (slot.Key != 0)
            {
                Insert(slots, slot.Key, slot.Id);
            }
        }

        _slots = slots;
    }

    // Packed to 12 bytes: an 8-byte key on a 4-byte boundary costs nothing on the machines .NET runs on.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(ulong Key, int Id);
}
