using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>What the declarations of both kinds of socket share: a path that names one socket, and bounded sizes.</summary>
internal static class SocketDeclaration
{
    public const int MaxBacklog = 16;
    public const int MaxConnections = 16;

    /// <summary>Checks the declaration's form and returns its path; <paramref name="example"/> shows a whole declaration.</summary>
    public static string Path(Declaration d, string word, string what, string example, string[] options)
    {
        d.NoInitial($"a socket has no initial value; write {example}");
        d.OnlyOptions(what, options);
        var option = d.Required("path", $"{word} {d.Name} needs a path: {example}");
        if (option.Value is not StrLit { Value.Length: > 0 } path)
        {
            throw d.Error(option.Value.Pos, "a socket's path must be a plain string such as \"/tmp/echo\"");
        }

        if (d.SocketPaths.TryGetValue(path.Value, out var clash))
        {
            throw d.Error(option.Value.Pos, $"path \"{path.Value}\" is already used by {clash.Name} (line {clash.Pos.Line})");
        }

        return path.Value;
    }

    public static int Number(Declaration d, string key, int fallback, int max) =>
        d.Number(key, fallback, max, $"a socket's {key} must be a whole number from 1 to {max}");

    /// <summary>Records the socket under its path, so a later socket cannot take it.</summary>
    public static ObjectInfo Add(Declaration d, ObjectInfo socket)
    {
        d.SocketPaths.Add(socket.Socket!.Path, socket);
        return socket;
    }
}
