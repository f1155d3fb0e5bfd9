namespace IpcLab.Tui.App;

/// <summary>
/// Where the key loop gets its keys: the real console, or a script in tests. Never blocks, so
/// the loop can also see a resize, the auto-run timer and a quit signal.
/// </summary>
public interface IKeySource
{
    /// <summary>Reads one key if one is waiting; returns false at once when none is.</summary>
    bool TryReadKey(out ConsoleKeyInfo key);
}
