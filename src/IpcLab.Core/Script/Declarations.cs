using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

/// <summary>
/// Collects and checks object declarations (<c>mutex m</c>, <c>queue buffer capacity 2</c>, ...):
/// known kinds, unique names, valid options and initial values.
/// </summary>
internal sealed partial class Declarations(string file)
{
    // Every kind's declaration word, from its module.
    private static readonly Dictionary<string, ObjectKind> Kinds =
        Objects.ObjectModules.Objects.ToDictionary(m => m.DeclarationWord, m => m.Kind, StringComparer.Ordinal);

    private readonly List<(DeclItem Item, ObjectKind Kind, int Process)> _items = [];

    // The first item of each name (any process, or top level) and of each name in each process:
    // a name clashes with an earlier one in the same process or at top level, found without a scan.
    private readonly Dictionary<string, int> _firstByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _firstTopLevel = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, int Process), int> _firstInProcess = [];

    public void Add(DeclStmt decl, int process)
    {
        if (!Kinds.TryGetValue(decl.Kind.Name, out var kind))
        {
            throw new ScriptError(file, decl.Kind.Pos, $"unknown declaration '{decl.Kind.Name}'; expected one of {string.Join(", ", Kinds.Keys)}, thread, process or expect");
        }

        foreach (var item in decl.Items)
        {
            var name = item.Name.Name;
            if (Clash(name, process) is var clash and >= 0)
            {
                throw new ScriptError(file, item.Name.Pos, $"duplicate name '{name}' (already declared at line {_items[clash].Item.Name.Pos.Line})");
            }

            if (name == "self")
            {
                throw new ScriptError(file, item.Name.Pos, "'self' is the thread's own name and cannot be declared");
            }

            var index = _items.Count;
            _items.Add((item, kind, process));
            _firstByName.TryAdd(name, index);
            if (process < 0)
            {
                _firstTopLevel.TryAdd(name, index);
            }
            else
            {
                _firstInProcess.TryAdd((name, process), index);
            }
        }
    }

    /// <summary>The first earlier item a new one of this name would clash with, or -1.</summary>
    private int Clash(string name, int process)
    {
        if (process < 0)
        {
            return _firstByName.GetValueOrDefault(name, -1);
        }

        var top = _firstTopLevel.GetValueOrDefault(name, -1);
        var own = _firstInProcess.GetValueOrDefault((name, process), -1);
        return top < 0 ? own : own < 0 ? top : Math.Min(top, own);
    }

    public ObjectInfo[] Build(LiteralTable literals)
    {
        var slots = new Dictionary<ObjectKind, int>();
        var objects = new ObjectInfo[_items.Count];
        var segments = new Dictionary<string, int>(StringComparer.Ordinal);
        var socketPaths = new Dictionary<string, ObjectInfo>(StringComparer.Ordinal);
        for (var id = 0; id < _items.Count; id++)
        {
            if (_items[id].Kind == ObjectKind.SharedMemory)
            {
                segments[_items[id].Item.Name.Name] = id;
            }
        }

        for (var id = 0; id < _items.Count; id++)
        {
            var (item, kind, process) = _items[id];
            var slot = slots.GetValueOrDefault(kind);
            slots[kind] = slot + 1;
            objects[id] = Objects.ObjectModules.Of(kind).Declare(new Declaration(file, item, id, slot, process, literals, segments, socketPaths)
            {
                Earlier = new ArraySegment<ObjectInfo>(objects, 0, id),
            });
        }

        return objects;
    }

    public static Dictionary<string, ObjectInfo> Globals(IEnumerable<ObjectInfo> objects) =>
        objects.Where(o => o.Process < 0).ToDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>The private objects of each process that has some, by name.</summary>
    public static Dictionary<int, Dictionary<string, ObjectInfo>> ByProcess(IEnumerable<ObjectInfo> objects) =>
        objects.Where(o => o.Process >= 0)
            .GroupBy(o => o.Process)
            .ToDictionary(g => g.Key, g => g.ToDictionary(o => o.Name, StringComparer.Ordinal));

    /// <summary>For each name of a private object, the processes that have one (in declaration order).</summary>
    public static Dictionary<string, List<int>> PrivateOwners(IEnumerable<ObjectInfo> objects)
    {
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var o in objects.Where(o => o.Process >= 0))
        {
            if (!owners.TryGetValue(o.Name, out var list))
            {
                owners[o.Name] = list = [];
            }

            list.Add(o.Process);
        }

        return owners;
    }
}
