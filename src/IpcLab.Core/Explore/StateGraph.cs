using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The states an exploration has seen, by hash, each with the state it was first reached from and
/// the schedule entry that led there: enough to spell the shortest run to any of them.
/// </summary>
internal sealed class StateGraph
{
    private readonly Dictionary<ulong, int> _ids = [];
    private readonly List<int> _parents = [];
    private readonly List<ScheduleEntry> _via = [];

    public int Count => _parents.Count;

    public bool Contains(ulong hash) => _ids.ContainsKey(hash);

    public bool TryGetId(ulong hash, out int id) => _ids.TryGetValue(hash, out id);

    /// <summary>Adds a state first reached from <paramref name="parent"/> (-1 for the start) by <paramref name="via"/>; returns its id.</summary>
    public int Add(ulong hash, int parent, ScheduleEntry via)
    {
        var id = _parents.Count;
        _ids.Add(hash, id);
        _parents.Add(parent);
        _via.Add(via);
        return id;
    }

    /// <summary>The schedule from the start to state <paramref name="id"/>, along first discoveries.</summary>
    public ScheduleEntry[] PathTo(int id)
    {
        var path = new List<ScheduleEntry>();
        for (var at = id; _parents[at] >= 0; at = _parents[at])
        {
            path.Add(_via[at]);
        }

        path.Reverse();
        return [.. path];
    }
}
