using System.Diagnostics;
using IpcLab.Tui.Views;
using Microsoft.Extensions.Logging;

namespace IpcLab.Tui.App;

/// <summary>
/// Runs the TUI on the real terminal: the first frame is rendered off-screen once (to warm up the
/// JIT before anything is shown), then the alternate screen is taken, the loop runs, and the
/// terminal is given back however the loop ends. An exception gives the terminal back first and
/// then goes on to the caller (the command reports it as an internal error, exit code 70).
/// </summary>
public static class ConsoleTui
{
    /// <param name="log">Where the TUI logs (a file, or nowhere): never the screen, which the TUI owns.</param>
    public static int Run(TuiState state, ILogger log)
    {
        var signals = new LoopSignals();
        using var guard = new TerminalGuard(Console.OpenStandardOutput(), signals);
        return Guarded(guard, () =>
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
                TerminalGuard.CanSuspend ? guard.SuspendJob : null,
                log);
            guard.Enter();
            return app.Run();
        });
    }

    /// <summary>
    /// Runs <paramref name="loop"/> and gives the terminal back however it ends: its exit code, or
    /// after an exception the terminal first, then the exception is thrown on, unchanged.
    /// </summary>
    internal static int Guarded(TerminalGuard guard, Func<int> loop)
    {
        try
        {
            var exit = loop();
            guard.Restore();
            return exit;
        }
        catch (Exception)
        {
            guard.Restore();
            throw;
        }
    }
}
