namespace IpcLab.Tui.App;

/// <summary>
/// Keys from a list, for tests and demos. A null entry is a poll with no key waiting (the loop
/// then sleeps, which lets a test's clock move the auto-run timer). When the list is used up,
/// every further read is Ctrl-C, so a script always ends the loop, whatever screen it is on.
/// </summary>
public sealed class ScriptedKeySource(IEnumerable<ConsoleKeyInfo?> keys) : IKeySource
{
    private readonly Queue<ConsoleKeyInfo?> _keys = new(keys);

    /// <summary>Ctrl-C as a terminal delivers it when it is read as a key.</summary>
    public static ConsoleKeyInfo CtrlC { get; } = new('\x03', ConsoleKey.C, shift: false, alt: false, control: true);

    /// <summary>True once every scripted key has been read.</summary>
    public bool Exhausted => _keys.Count == 0;

    public bool TryReadKey(out ConsoleKeyInfo key)
    {
        if (_keys.Count == 0)
        {
            key = CtrlC;
            return true;
        }

        var next = _keys.Dequeue();
        key = next ?? default;
        return next is not null;
    }

    /// <summary>The keys that type <paramref name="text"/>: ' ' is space, '\r' Enter, '\x1b' Esc, '\b' Backspace, '\x03' Ctrl-C.</summary>
    public static IEnumerable<ConsoleKeyInfo?> Type(string text) => text.Select(c => (ConsoleKeyInfo?)Char(c));

    /// <summary>A key with no character of its own (arrows, Home, Enter...).</summary>
    public static IEnumerable<ConsoleKeyInfo?> Press(ConsoleKey key, int times = 1) =>
        Enumerable.Repeat((ConsoleKeyInfo?)new ConsoleKeyInfo(CharOf(key), key, shift: false, alt: false, control: false), times);

    /// <summary><paramref name="polls"/> polls that find no key waiting.</summary>
    public static IEnumerable<ConsoleKeyInfo?> Idle(int polls) => Enumerable.Repeat((ConsoleKeyInfo?)null, polls);

    /// <summary>The key a terminal reports for one typed character.</summary>
    public static ConsoleKeyInfo Char(char c) => c switch
    {
        ' ' => new(' ', ConsoleKey.Spacebar, false, false, false),
        '\r' or '\n' => new('\r', ConsoleKey.Enter, false, false, false),
        '\x1b' => new('\x1b', ConsoleKey.Escape, false, false, false),
        '\b' => new('\b', ConsoleKey.Backspace, false, false, false),
        '\x03' => CtrlC,
        >= '0' and <= '9' => new(c, ConsoleKey.D0 + (c - '0'), false, false, false),
        >= 'a' and <= 'z' => new(c, ConsoleKey.A + (c - 'a'), false, false, false),
        >= 'A' and <= 'Z' => new(c, ConsoleKey.A + (c - 'A'), shift: true, alt: false, control: false),
        _ => new(c, default, false, false, false),
    };

    private static char CharOf(ConsoleKey key) => key switch
    {
        ConsoleKey.Enter => '\r',
        ConsoleKey.Escape => '\x1b',
        ConsoleKey.Backspace => '\b',
        ConsoleKey.Spacebar => ' ',
        _ => '\0',
    };
}
