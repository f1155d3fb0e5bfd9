using IpcLab.Core.Model;
using IpcLab.Core.Objects.Group;

namespace IpcLab.Core.Script;

// mqueue NAME capacity N; group NAME capacity N [policy WORD] [full WORD].
internal sealed partial class Declarations
{
    private static readonly Dictionary<string, AnycastPolicy> Policies = new(StringComparer.Ordinal)
    {
        ["round-robin"] = AnycastPolicy.RoundRobin,
        ["least-loaded"] = AnycastPolicy.LeastLoaded,
        ["first-ready"] = AnycastPolicy.FirstReady,
    };

    private static readonly Dictionary<string, FullPolicy> FullPolicies = new(StringComparer.Ordinal)
    {
        ["block"] = FullPolicy.Block,
        ["drop"] = FullPolicy.Drop,
        ["drop-oldest"] = FullPolicy.DropOldest,
    };

    private ObjectInfo MessageQueue(int id, DeclItem item, int slot, int process)
    {
        var capacity = Capacity(item, "mqueue", "a message queue", []);
        return new ObjectInfo(id, item.Name.Name, ObjectKind.MessageQueue, slot, process, item.Name.Pos, capacity, 0, ValueKind.Int);
    }

    private ObjectInfo Group(int id, DeclItem item, int slot, int process)
    {
        var capacity = Capacity(item, "group", "a group", ["policy", "full"]);
        var policy = AnycastPolicy.RoundRobin;
        var full = FullPolicy.Block;
        foreach (var option in item.Options)
        {
            switch (option.Key.Name)
            {
                case "policy":
                    policy = Policies.TryGetValue(Word(option.Value), out var p)
                        ? p
                        : throw new ScriptError(file, option.Value.Pos, $"unknown anycast policy '{ExprPrinter.Print(option.Value)}'; expected one of {string.Join(", ", Policies.Keys)}");
                    break;
                case "full":
                    full = FullPolicies.TryGetValue(Word(option.Value), out var f)
                        ? f
                        : throw new ScriptError(file, option.Value.Pos, $"unknown full setting '{ExprPrinter.Print(option.Value)}'; expected one of {string.Join(", ", FullPolicies.Keys)}");
                    break;
            }
        }

        var settings = new GroupSettings(policy, full).Pack();
        return new ObjectInfo(id, item.Name.Name, ObjectKind.Group, slot, process, item.Name.Pos, capacity, settings, ValueKind.Int);
    }

    /// <summary>The required <c>capacity N</c> of a message queue or a group; rejects an initial value and unknown options.</summary>
    private int Capacity(DeclItem item, string word, string article, string[] otherOptions)
    {
        if (item.Initial is not null)
        {
            throw new ScriptError(file, item.Initial.Pos, $"{article} starts empty; write `{word} {item.Name.Name} capacity N`");
        }

        var capacity = item.Options.FirstOrDefault(o => o.Key.Name == "capacity")
            ?? throw new ScriptError(file, item.Name.Pos, $"{word} {item.Name.Name} needs a capacity: `{word} {item.Name.Name} capacity 4`");
        var known = otherOptions.Prepend("capacity").ToArray();
        foreach (var option in item.Options)
        {
            if (!known.Contains(option.Key.Name))
            {
                throw new ScriptError(file, option.Key.Pos, $"unknown option '{option.Key.Name}' for {article}; expected {string.Join(" or ", known)}");
            }

            if (item.Options.Count(o => o.Key.Name == option.Key.Name) > 1)
            {
                throw new ScriptError(file, option.Key.Pos, $"option '{option.Key.Name}' is given twice");
            }
        }

        if (capacity.Value is not IntLit { Value: >= 1 and <= Compiler.MaxCapacity } n)
        {
            throw new ScriptError(file, capacity.Value.Pos, $"{article}'s capacity must be a whole number from 1 to {Compiler.MaxCapacity}");
        }

        return (int)n.Value;
    }

    /// <summary>A hyphenated word as the parser sees it: <c>drop-oldest</c> is the expression <c>drop - oldest</c>.</summary>
    private static string Word(Expr value) => value switch
    {
        NameExpr n => n.Name,
        BinaryExpr { Op: "-" } b => Word(b.Left) + "-" + Word(b.Right),
        _ => "?",
    };
}
