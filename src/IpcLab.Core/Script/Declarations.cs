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
            objects[id] = kind switch
            {
                ObjectKind.BoundedQueue => Queue(id, item, slot, process),
                ObjectKind.Semaphore => Semaphore(id, item, slot, process) with { Segment = SegmentOf(item, process, "semaphore", segments) },
                ObjectKind.SharedVar => Shared(id, item, slot, process, literals),
                ObjectKind.SharedMemory => Segment(id, item, slot, process),
                ObjectKind.StreamSocket or ObjectKind.DatagramSocket => Socket(id, item, kind, slot, process, socketPaths),
                ObjectKind.MessageQueue => MessageQueue(id, item, slot, process),
                ObjectKind.Group => Group(id, item, slot, process),
                _ => Plain(id, item, kind, slot, process) with { Segment = SegmentOf(item, process, KindWordOf(kind), segments) },
            };
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

    private ObjectInfo Plain(int id, DeclItem item, ObjectKind kind, int slot, int process)
    {
        var word = kind == ObjectKind.Mutex ? "mutex" : "condition variable";
        if (item.Initial is not null)
        {
            throw new ScriptError(file, item.Initial.Pos, $"a {word} has no initial value; write just `{(kind == ObjectKind.Mutex ? "mutex" : "cond")} {item.Name.Name}`");
        }

        return new ObjectInfo(id, item.Name.Name, kind, slot, process, item.Name.Pos, 0, 0, ValueKind.Int);
    }

    private ObjectInfo Queue(int id, DeclItem item, int slot, int process)
    {
        if (item.Initial is not null)
        {
            throw new ScriptError(file, item.Initial.Pos, $"a queue starts empty; write `queue {item.Name.Name} capacity N`");
        }

        var capacity = item.Options.FirstOrDefault(o => o.Key.Name == "capacity")
            ?? throw new ScriptError(file, item.Name.Pos, $"queue {item.Name.Name} needs a capacity: `queue {item.Name.Name} capacity 2`");
        foreach (var option in item.Options.Where(o => o.Key.Name != "capacity"))
        {
            throw new ScriptError(file, option.Key.Pos, $"unknown option '{option.Key.Name}' for a queue; expected capacity");
        }

        if (capacity.Value is not IntLit { Value: >= 1 and <= Compiler.MaxCapacity } n)
        {
            throw new ScriptError(file, capacity.Value.Pos, $"a queue's capacity must be a whole number from 1 to {Compiler.MaxCapacity}");
        }

        return new ObjectInfo(id, item.Name.Name, ObjectKind.BoundedQueue, slot, process, item.Name.Pos, (int)n.Value, 0, ValueKind.Int);
    }

    private ObjectInfo Semaphore(int id, DeclItem item, int slot, int process)
    {
        long initial = 0;
        if (item.Initial is not null)
        {
            initial = item.Initial is IntLit { Value: >= 0 } n
                ? n.Value
                : throw new ScriptError(file, item.Initial.Pos, "a semaphore's initial count must be a whole number, 0 or more");
        }

        return new ObjectInfo(id, item.Name.Name, ObjectKind.Semaphore, slot, process, item.Name.Pos, 0, initial, ValueKind.Int);
    }

    private ObjectInfo Shared(int id, DeclItem item, int slot, int process, LiteralTable literals)
    {
        NoOptions(item, "shared variable");
        var (kind, value) = item.Initial switch
        {
            null => (ValueKind.Int, 0L),
            IntLit n => (ValueKind.Int, n.Value),
            UnaryExpr { Op: "-", Operand: IntLit n } => (ValueKind.Int, -n.Value),
            BoolLit b => (ValueKind.Bool, b.Value ? 1L : 0L),
            StrLit s => (ValueKind.Str, (long)literals.Intern(s.Value)),
            _ => throw new ScriptError(file, item.Initial.Pos, "a shared variable starts with a plain number, true/false or a string"),
        };
        return new ObjectInfo(id, item.Name.Name, ObjectKind.SharedVar, slot, process, item.Name.Pos, 0, value, kind);
    }

    private ObjectInfo Segment(int id, DeclItem item, int slot, int process)
    {
        if (process >= 0)
        {
            throw new ScriptError(file, item.Name.Pos, $"declare the segment {item.Name.Name} at top level: it is named, and any process can map it");
        }

        if (item.Initial is not null)
        {
            throw new ScriptError(file, item.Initial.Pos, $"a segment starts as zeros; write `shm {item.Name.Name} size N`");
        }

        var size = item.Options.FirstOrDefault(o => o.Key.Name == "size")
            ?? throw new ScriptError(file, item.Name.Pos, $"segment {item.Name.Name} needs a size in words: `shm {item.Name.Name} size 4`");
        foreach (var option in item.Options.Where(o => o.Key.Name != "size"))
        {
            throw new ScriptError(file, option.Key.Pos, $"unknown option '{option.Key.Name}' for a segment; expected size");
        }

        if (size.Value is not IntLit { Value: >= 1 and <= Compiler.MaxCapacity } n)
        {
            throw new ScriptError(file, size.Value.Pos, $"a segment's size must be a whole number of words from 1 to {Compiler.MaxCapacity}");
        }

        return new ObjectInfo(id, item.Name.Name, ObjectKind.SharedMemory, slot, process, item.Name.Pos, (int)n.Value, 0, ValueKind.Int);
    }

    /// <summary>The segment named by an <c>in SEG</c> option, or -1; any other option is an error.</summary>
    private int SegmentOf(DeclItem item, int process, string word, Dictionary<string, int> segments)
    {
        var segment = -1;
        foreach (var option in item.Options)
        {
            if (option.Key.Name != "in")
            {
                throw new ScriptError(file, option.Key.Pos, $"unknown option '{option.Key.Name}' for a {word}; expected `in SEGMENT` (the shared-memory segment it lives in)");
            }

            if (option.Value is not NameExpr n || !segments.TryGetValue(n.Name, out segment))
            {
                throw new ScriptError(file, option.Value.Pos, $"`in` names a shared-memory segment declared with `shm NAME size N`");
            }

            if (process >= 0)
            {
                throw new ScriptError(file, option.Key.Pos, $"declare {item.Name.Name} at top level, next to its segment {n.Name}: it lives in shared memory, not in one process");
            }
        }

        return segment;
    }

    private static string KindWordOf(ObjectKind kind) => kind == ObjectKind.Mutex ? "mutex" : "condition variable";

    private void NoOptions(DeclItem item, string word)
    {
        if (item.Options.Count > 0)
        {
            throw new ScriptError(file, item.Options[0].Key.Pos, $"unknown option '{item.Options[0].Key.Name}' for a {word}");
        }
    }
}
