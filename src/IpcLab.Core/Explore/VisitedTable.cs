namespace IpcLab.Core.Explore;

/// <summary>
/// The visited set of an exploration: state keys (64-bit hashes) to state ids, in one open-addressing
/// table of two flat arrays (12 bytes a slot, at most three quarters full), instead of a dictionary's
/// entries and buckets: the table is most of an exploration's memory.
/// </summary>
internal sealed class VisitedTable
{
    // 0 marks an empty slot, so a key that is 0 is stored as this one (a state whose hash is 0
    // shares its slot with one whose hash is this: as unlikely as any other two equal hashes).
    private const ulong ZeroKey = 0x9e3779b97f4a7c15UL;

    private ulong[] _keys = new ulong[1024];
    private int[] _ids = new int[1024];
    private int _count;

    public int Count => _count;

    /// <summary>Bytes held by the table's arrays.</summary>
    public long Bytes => (_keys.LongLength * sizeof(ulong)) + (_ids.LongLength * sizeof(int));

    public bool TryGetId(ulong key, out int id)
    {
        key = key == 0 ? ZeroKey : key;
        var mask = _keys.Length - 1;
        for (var slot = Slot(key, mask); _keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key)
            {
                id = _ids[slot];
                return true;
            }
        }

        id = -1;
        return false;
    }

    /// <summary>Adds a key not in the table yet.</summary>
    public void Add(ulong key, int id)
    {
        if ((_count + 1) * 4L > _keys.Length * 3L)
        {
            Grow();
        }

        Insert(_keys, _ids, key == 0 ? ZeroKey : key, id);
        _count++;
    }

    // Fibonacci hashing: the state hashes are good already, the multiply spreads their high bits.
    private static int Slot(ulong key, int mask) => (int)((key * 0x9e3779b97f4a7c15UL) >> 32) & mask;

    private static void Insert(ulong[] keys, int[] ids, ulong key, int id)
    {
        var mask = keys.Length - 1;
        var slot = Slot(key, mask);
        while (keys[slot] != 0)
        {
            if (keys[slot] == key)
            {
                throw new InvalidOperationException("the state is in the visited set already");
            }

            slot = (slot + 1) & mask;
        }

        keys[slot] = key;
        ids[slot] = id;
    }

    private void Grow()
    {
        var keys = new ulong[_keys.Length * 2];
        var ids = new int[_ids.Length * 2];
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                Insert(keys, ids, _keys[i], _ids[i]);
            }
        }

        _keys = keys;
        _ids = ids;
    }
}
