namespace IpcLab.Tui.App;

/// <summary>Keys from the terminal, read without echo. Ctrl-C arrives as a key (see <see cref="TerminalGuard"/>).</summary>
public sealed class ConsoleKeySource : IKeySource
{
    public bool TryReadKey(out ConsoleKeyInfo key)
    {
        if (!Console.KeyAvailable)
        {
            key = default;
            return false;
        }

        key = Console.ReadKey(intercept: true);
        return true;
    }
}
