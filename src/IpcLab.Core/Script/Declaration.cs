using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

/// <summary>
/// One declared item as its module reads it (<c>queue buffer capacity 2</c>): the name, the
/// initial value and the options, with the checks every kind shares and errors at their
/// position in the file. A module turns it into an <see cref="ObjectInfo"/>.
/// </summary>
internal sealed class Declaration(
    string file,
    DeclItem item,
    int id,
    int slot,
    int process,
    LiteralTable literals,
    IReadOnlyDictionary<string, int> segments,
    Dictionary<string, ObjectInfo> socketPaths)
{
    public DeclItem Item => item;

    public string Name => item.Name.Name;

    public Expr? Initial => item.Initial;

    /// <summary>The process it is private to, or -1 at top level.</summary>
    public int Process => process;

    /// <summary>The string literals of the program (a shared variable may start as a string).</summary>
    public LiteralTable Literals => literals;

    /// <summary>The objects declared before this one, in order (a consumer group names its topic).</summary>
    public IReadOnlyList<ObjectInfo> Earlier { get; init; } = [];

    /// <summary>The sockets declared so far, by path (a path names one socket).</summary>
    public Dictionary<string, ObjectInfo> SocketPaths => socketPaths;

    /// <summary>The object, with the fields every kind has.</summary>
    public ObjectInfo Object(ObjectKind kind, int capacity, long initial, ValueKind valueKind) =>
        new(id, Name, kind, slot, process, item.Name.Pos, capacity, initial, valueKind);

    public ScriptError Error(SourcePos pos, string detail) => new(file, pos, detail);

    /// <summary>Refuses an initial value: <paramref name="detail"/> says how to write the declaration instead.</summary>
    public void NoInitial(string detail)
    {
        if (item.Initial is not null)
        {
            throw Error(item.Initial.Pos, detail);
        }
    }

    /// <summary>Refuses any option the kind does not know (listed after "expected", joined by <paramref name="separator"/>), and any option given twice.</summary>
    public void OnlyOptions(string what, string[] known, string separator = ", ")
    {
        foreach (var option in item.Options)
        {
            if (!known.Contains(option.Key.Name))
            {
                throw Error(option.Key.Pos, known.Length == 0
                    ? $"unknown option '{option.Key.Name}' for {what}"
                    : $"unknown option '{option.Key.Name}' for {what}; expected {string.Join(separator, known)}");
            }

            if (item.Options.First(o => o.Key.Name == option.Key.Name) != option)
            {
                throw Error(option.Key.Pos, $"option '{option.Key.Name}' is given twice");
            }
        }
    }

    public DeclOption? Option(string key) => item.Options.FirstOrDefault(o => o.Key.Name == key);

    /// <summary>An option the kind cannot do without; <paramref name="missing"/> says how to write it.</summary>
    public DeclOption Required(string key, string missing) => Option(key) ?? throw Error(item.Name.Pos, missing);

    /// <summary>The option's value, a whole number from 1 to <paramref name="max"/>; <paramref name="range"/> says so otherwise.</summary>
    public int WholeNumber(DeclOption option, string range, int max = Compiler.MaxCapacity) =>
        option.Value is IntLit { Value: >= 1 } n && n.Value <= max
            ? (int)n.Value
            : throw Error(option.Value.Pos, range);

    /// <summary>An optional whole-number option from 1 to <paramref name="max"/>, or <paramref name="fallback"/>.</summary>
    public int Number(string key, int fallback, int max, string range) =>
        Option(key) is { } option ? WholeNumber(option, range, max) : fallback;

    /// <summary>The required <c>capacity N</c> of a message queue or a group; rejects an initial value and unknown options.</summary>
    public int Capacity(string word, string article, string[] otherOptions)
    {
        NoInitial($"{article} starts empty; write `{word} {Name} capacity N`");
        var capacity = Required("capacity", $"{word} {Name} needs a capacity: `{word} {Name} capacity 4`");
        OnlyOptions(article, [.. otherOptions.Prepend("capacity")], " or ");
        return WholeNumber(capacity, $"{article}'s capacity must be a whole number from 1 to {Compiler.MaxCapacity}");
    }

    /// <summary>The segment named by an <c>in SEG</c> option, or -1; any other option is an error.</summary>
    public int Segment(string word)
    {
        var segment = -1;
        foreach (var option in item.Options)
        {
            if (option.Key.Name != "in")
            {
                throw Error(option.Key.Pos, $"unknown option '{option.Key.Name}' for a {word}; expected `in SEGMENT` (the shared-memory segment it lives in)");
            }

            if (option.Value is not NameExpr n || !segments.TryGetValue(n.Name, out segment))
            {
                throw Error(option.Value.Pos, "`in` names a shared-memory segment declared with `shm NAME size N`");
            }

            if (process >= 0)
            {
                throw Error(option.Key.Pos, $"declare {Name} at top level, next to its segment {n.Name}: it lives in shared memory, not in one process");
            }
        }

        return segment;
    }

    /// <summary>
    /// A word value (<c>drop-oldest</c>: the parser reads a hyphenated word written without spaces
    /// as one name), or the value as written when it is not one, for the error that lists the words.
    /// </summary>
    public static string Word(Expr value) => value switch
    {
        NameExpr n => n.Name,
        BinaryExpr { Op: "-" } b => Word(b.Left) + " - " + Word(b.Right),
        IntLit i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StrLit s => $"\"{s.Value}\"",
        _ => "?",
    };

    /// <summary>Where a word value starts: a subtraction's own position is its operator's.</summary>
    public static SourcePos WordPos(Expr value) => value is BinaryExpr b ? WordPos(b.Left) : value.Pos;
}
