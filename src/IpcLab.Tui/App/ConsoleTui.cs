using System.Diagnostics;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.App;

/// <summary>
/// Runs the TUI on the real terminal: the first frame is rendered off-screen once (to warm up the
/// JIT before anything is shown), then the alternate screen is taken, the loop runs, and the
/// terminal is given back however the loop ends. An exception restores the terminal first, then
/// is printed to stderr, and the exit code is 70.
/// </summary>
public static class ConsoleTui
{
    /// <summary>The exit code after an internal error (EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    public static int Run(TuiState state, TextWriter stderr)
    {
        var signals = new LoopSignals();
        using var guard = new TerminalGuard(Console.OpenStandardOutput(), signals);
        return Guarded(guard, stderr, () =>
        {
            var terminal = new ConsoleTerminal(guard);
            ConsoleTerminal.Render(Frame.Build(state, terminal.Width, terminal.Height), terminal.Width, terminal.Height);
            var clock = Stopwatch.StartNew();
            var app = new TuiApp(
                state,
                new KeyHandler(state, Environment.CurrentDirectory),
                new ConsoleKeySource(),
                terminal,
                signals,
                () => clock.ElapsedMilliseconds,
                Thread.Sleep,
                TerminalGuard.CanSuspend ? guard.SuspendJob : null);
            guard.Enter();
            return app.Run();
        });
    }

    /// <summary>
    /// Runs <paramref name="loop"/> and gives the terminal back however it ends: its exit code, or
    /// after an exception the terminal first, then the error on stderr, and exit code 70.
    /// </summary>
    internal static int Guarded(TerminalGuard guard, TextWriter stderr, Func<int> loop)
    {
        try
        {
            var exit = loop();
            guard.Restore();
            return exit;
        }
        catch (Exception e)
        {
            guard.Restore();
            stderr.WriteLine($"ipclab: internal error (please report it): {e}");
            return InternalError;
        }
    }
}
