using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

// socket echo path "/tmp/echo" backlog 2 buffer 4 connections 3
// dgram logd path "/tmp/log" capacity 4
internal sealed partial class Declarations
{
    public const int MaxBacklog = 16;
    public const int MaxConnections = 16;

    /// <param name="paths">The sockets declared so far, by path; the new one is added.</param>
    private ObjectInfo Socket(int id, DeclItem item, ObjectKind kind, int slot, int process, Dictionary<string, ObjectInfo> paths)
    {
        var stream = kind == ObjectKind.StreamSocket;
        var word = stream ? "socket" : "dgram";
        var example = stream
            ? $"`socket {item.Name.Name} path \"/tmp/{item.Name.Name}\" backlog 2 buffer 8`"
            : $"`dgram {item.Name.Name} path \"/tmp/{item.Name.Name}\" capacity 4`";
        if (item.Initial is not null)
        {
            throw new ScriptError(file, item.Initial.Pos, $"a socket has no initial value; write {example}");
        }

        string[] known = stream ? ["path", "backlog", "buffer", "connections"] : ["path", "capacity"];
        foreach (var option in item.Options)
        {
            if (!known.Contains(option.Key.Name))
            {
                throw new ScriptError(file, option.Key.Pos, $"unknown option '{option.Key.Name}' for a {(stream ? "stream" : "datagram")} socket; expected {string.Join(", ", known)}");
            }

            if (item.Options.First(o => o.Key.Name == option.Key.Name) != option)
            {
                throw new ScriptError(file, option.Key.Pos, $"option '{option.Key.Name}' is given twice");
            }
        }

        var pathOption = item.Options.FirstOrDefault(o => o.Key.Name == "path")
            ?? throw new ScriptError(file, item.Name.Pos, $"{word} {item.Name.Name} needs a path: {example}");
        if (pathOption.Value is not StrLit { Value.Length: > 0 } path)
        {
            throw new ScriptError(file, pathOption.Value.Pos, "a socket's path must be a plain string such as \"/tmp/echo\"");
        }

        if (paths.TryGetValue(path.Value, out var clash))
        {
            throw new ScriptError(file, pathOption.Value.Pos, $"path \"{path.Value}\" is already used by {clash.Name} (line {clash.Pos.Line})");
        }

        SocketSpec spec = stream
            ? new(path.Value, Number(item, "backlog", 2, MaxBacklog), Number(item, "buffer", 8, Compiler.MaxCapacity), Number(item, "connections", 4, MaxConnections))
            : new(path.Value, 0, Number(item, "capacity", 4, Compiler.MaxCapacity), 0);
        var socket = new ObjectInfo(id, item.Name.Name, kind, slot, process, item.Name.Pos, spec.Buffer, 0, ValueKind.Str) { Socket = spec };
        paths.Add(path.Value, socket);
        return socket;
    }

    private int Number(DeclItem item, string key, int fallback, int max)
    {
        var option = item.Options.FirstOrDefault(o => o.Key.Name == key);
        if (option is null)
        {
            return fallback;
        }

        return option.Value is IntLit { Value: >= 1 } n && n.Value <= max
            ? (int)n.Value
            : throw new ScriptError(file, option.Value.Pos, $"a socket's {key} must be a whole number from 1 to {max}");
    }
}
