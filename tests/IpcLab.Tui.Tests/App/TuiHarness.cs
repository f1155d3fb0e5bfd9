using IpcLab.Core.Sessions;
using IpcLab.Tui.App;
using Microsoft.Extensions.Logging;

namespace IpcLab.Tui.Tests.App;

/// <summary>
/// Drives the real key loop (<see cref="TuiApp"/> with <see cref="KeyHandler"/>) with scripted keys,
/// a clock that moves only when the loop sleeps, and a terminal that records frames as text. The loop draws once at the start and
/// once after every key, so <c>Frames[i]</c> is the screen after the i-th key of a run.
/// </summary>
internal sealed class TuiHarness(TuiState state, string? workingDirectory = null)
{
    public TuiState State { get; } = state;

    public FakeTerminal Terminal { get; } = new();

    /// <summary>The loop's clock: it moves only when the loop sleeps, so auto-run is deterministic.</summary>
    public long NowMs { get; private set; }

    public LoopSignals Signals { get; } = new();

    public Session Session => State.Session ?? throw new InvalidOperationException("no program is open");

    /// <summary>What Ctrl-Z does (the real program stops its job); null: the loop cannot suspend.</summary>
    public Action? Suspend { get; set; }

    /// <summary>Where the loop logs (none when null).</summary>
    public ILogger? Log { get; set; }

    public string Frame => Terminal.Last;

    /// <summary>Opens FILE exactly as <c>ipclab tui FILE --at N</c> does.</summary>
    public static TuiHarness Open(string? file, int? at = null, string? workingDirectory = null) =>
        new(TuiVerb.Open(file, at), workingDirectory);

    /// <summary>Runs the loop over these keys (then Ctrl-C, which quits); returns the exit code.</summary>
    public int Run(params IEnumerable<ConsoleKeyInfo?>[] keys)
    {
        var app = new TuiApp(
            State,
            new KeyHandler(State, workingDirectory ?? Path.GetTempPath()),
            new ScriptedKeySource(keys.SelectMany(k => k)),
            Terminal,
            Signals,
            () => NowMs,
            ms => NowMs += ms,
            Suspend,
            Log);
        return app.Run();
    }

    /// <summary>Types the text (see <see cref="ScriptedKeySource.Type"/>) and then stays in the loop for no more keys than these.</summary>
    public int Type(string text) => Run(Keys(text));

    public static IEnumerable<ConsoleKeyInfo?> Keys(string text) => ScriptedKeySource.Type(text);

    public static IEnumerable<ConsoleKeyInfo?> Press(ConsoleKey key, int times = 1) => ScriptedKeySource.Press(key, times);

    public static IEnumerable<ConsoleKeyInfo?> Idle(int polls) => ScriptedKeySource.Idle(polls);
}
