namespace IpcLab.Core.Explore;

/// <summary>
/// The states an exploration has seen: each state's key and the state it was first reached from,
/// 16 to 36 bytes a state as the table fills. The step that led there is not kept:
/// <see cref="RunSpeller"/> finds it again for the few states a report spells the run to.
/// </summary>
internal sealed class StateGraph
{
    private readonly VisitedTable _ids = new();
    private int[] _parents = new int[1024];
    private int _count;

    public int Count => _count;

    /// <summary>Bytes held by the visited set and the parent links.</summary>
    public long Bytes => _ids.Bytes + (_parents.LongLength * sizeof(int));

    public bool Contains(ulong key) => _ids.TryGetId(key, out _);

    public bool TryGetId(ulong key, out int id) => _ids.TryGetId(key, out id);

    /// <summary>Fetches the place of <paramref name="key"/> in the visited set ahead of a look-up (<see cref="VisitedTable.Prefetch"/>).</summary>
    public void Prefetch(ulong key) => _ids.Prefetch(key);

    /// <summary>Adds a state first reached from <paramref name="parent"/> (-1 for the start); returns its id.</summary>
    public int Add(ulong key, int parent)
    {
        var id = _count;
        if (id == _parents.Length)
        {
            Array.Resize(ref _parents, _parents.Length * 2);
        }

        _ids.Add(key, id);
        _parents[id] = parent;
        _count++;
        return id;
    }

    /// <summary>Records that state <paramref name="id"/> was reached again, in fewer steps, from <paramref name="parent"/>.</summary>
    public void Reparent(int id, int parent) => _parents[id] = parent;

    /// <summary>The ids from the start to state <paramref name="id"/>, along first discoveries (the start first).</summary>
    public int[] Ancestry(int id)
    {
        var path = new List<int>();
        for (var at = id; at >= 0; at = _parents[at])
        {
            path.Add(at);
        }

        path.Reverse();
        return [.. path];
    }
}
