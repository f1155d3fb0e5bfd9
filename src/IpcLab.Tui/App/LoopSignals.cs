namespace IpcLab.Tui.App;

/// <summary>
/// Requests that reach the key loop from other threads (signal handlers): quit with an exit code,
/// or redraw the whole screen. The loop is the only thread that acts on them.
/// </summary>
public sealed class LoopSignals
{
    private int _quitCode = -1;
    private int _redraw;

    /// <summary>True once a quit was requested (see <see cref="QuitCode"/>).</summary>
    public bool QuitRequested => Volatile.Read(ref _quitCode) >= 0;

    /// <summary>The exit code the first quit request asked for, or -1.</summary>
    public int QuitCode => Volatile.Read(ref _quitCode);

    /// <summary>Asks the loop to stop and the program to exit with <paramref name="exitCode"/> (the first request wins).</summary>
    public void RequestQuit(int exitCode) => Interlocked.CompareExchange(ref _quitCode, exitCode, -1);

    /// <summary>Asks for a full redraw with a clear (after the terminal came back from a suspend).</summary>
    public void RequestRedraw() => Volatile.Write(ref _redraw, 1);

    /// <summary>True once per request: the loop calls it and redraws when it returns true.</summary>
    public bool TakeRedrawRequest() => Interlocked.Exchange(ref _redraw, 0) == 1;
}
