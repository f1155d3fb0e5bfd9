using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

/// <summary>
/// The names a thread can see while it is compiled: the objects (top level and its process's)
/// and its locals, which come into being at their first assignment in source order.
/// </summary>
internal sealed class Scope(string file, IReadOnlyDictionary<string, ObjectInfo> globals, IReadOnlyDictionary<string, ObjectInfo>? processObjects)
{
    private readonly Dictionary<string, int> _localIndex = new(StringComparer.Ordinal);
    private readonly List<LocalInfo> _locals = [];

    public string File { get; } = file;

    public IReadOnlyList<LocalInfo> Locals => _locals;

    /// <summary>The element type of each queue (by object id), fixed by the first put the compiler sees.</summary>
    public required Dictionary<int, ValueKind> QueueKinds { get; init; }

    /// <summary>
    /// The processes that have a private object of each name (in id order), shared by every scope of
    /// a program and read only to explain why a name is not visible.
    /// </summary>
    public IReadOnlyDictionary<string, List<int>> PrivateObjects { get; init; } = new Dictionary<string, List<int>>();

    /// <summary>" (it belongs to process a, and only its threads can use it)" when a name is another process's.</summary>
    public string WhyInvisible(string name)
    {
        if (!PrivateObjects.TryGetValue(name, out var owners))
        {
            return "";
        }

        // A thread sees the private objects of its own process only when it is declared inside it.
        var own = processObjects is null ? -1 : Process;
        var others = owners.Where(p => p != own).Select(p => Processes[p]).ToArray();
        return others.Length switch
        {
            0 => "",
            1 => $" (it belongs to process {others[0]}, and only its threads can use it)",
            _ => $" (processes {string.Join(" and ", others)} each have one, and only their own threads can use it)",
        };
    }

    /// <summary>The process names in id order (for <c>spawn NAME</c>), and the process being compiled (-1 for a final check).</summary>
    public IReadOnlyList<string> Processes { get; init; } = [];

    /// <summary>The id of each process by name (for <c>spawn NAME</c>).</summary>
    public IReadOnlyDictionary<string, int> ProcessIds { get; init; } = new Dictionary<string, int>();

    public int Process { get; init; } = -1;

    /// <summary>True when compiling a final check: no locals and no <c>self</c>.</summary>
    public bool IsGlobal { get; init; }

    public ObjectInfo? FindObject(string name) =>
        processObjects is not null && processObjects.TryGetValue(name, out var p) ? p
        : globals.TryGetValue(name, out var g) ? g : null;

    /// <summary>The program's broker (always declared at top level), or null.</summary>
    public ObjectInfo? FindBroker() => globals.Values.FirstOrDefault(o => o.Kind == ObjectKind.Broker);

    public int? FindLocal(string name) => _localIndex.TryGetValue(name, out var i) ? i : null;

    public LocalInfo LocalAt(int slot) => _locals[slot];

    /// <summary>Returns the slot of a local, declaring it with <paramref name="kind"/> on first use.</summary>
    public int DeclareOrCheck(NameRef name, ValueKind kind)
    {
        if (name.Name == "self")
        {
            throw Error(name.Pos, "cannot assign to self (it is the thread's own name)");
        }

        if (FindObject(name.Name) is { } obj)
        {
            throw Error(name.Pos, $"{name.Name} is a {obj.KindWord} (declared at line {obj.Pos.Line}), not a local variable");
        }

        if (_localIndex.TryGetValue(name.Name, out var slot))
        {
            var existing = _locals[slot].Kind;
            if (!Compatible(existing, kind))
            {
                throw Error(name.Pos, $"{name.Name} holds {KindText(existing)}, cannot store {KindText(kind)} in it");
            }

            return slot;
        }

        return Add(name.Name, kind);
    }

    /// <summary>A hidden slot (loop bound, repeat counter, loaded copy of a shared variable).</summary>
    public int Hidden(string name, ValueKind kind) =>
        _localIndex.TryGetValue("$" + name, out var slot) ? slot : Add("$" + name, kind);

    public ScriptError Error(SourcePos pos, string message) => new(File, pos, message);

    public static string KindText(ValueKind kind) => kind switch
    {
        ValueKind.Str => "a string",
        ValueKind.Bool => "a boolean",
        _ => "a number",
    };

    /// <summary>Values of these kinds can be stored in the same place or compared: only the same kind.</summary>
    public static bool Compatible(ValueKind a, ValueKind b) => a == b;

    public static string PluralText(ValueKind kind) => kind switch
    {
        ValueKind.Str => "strings",
        ValueKind.Bool => "booleans",
        _ => "numbers",
    };

    private int Add(string name, ValueKind kind)
    {
        var slot = _locals.Count;
        _locals.Add(new LocalInfo(name, kind));
        _localIndex.Add(name, slot);
        return slot;
    }
}
