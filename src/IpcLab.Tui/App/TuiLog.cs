using Microsoft.Extensions.Logging;

namespace IpcLab.Tui.App;

/// <summary>Everything the terminal UI writes to its log (a file, or nowhere; never the screen).</summary>
internal static partial class TuiLog
{
    [LoggerMessage(100, LogLevel.Information, "terminal UI starts on a {Width}x{Height} terminal, screen {Screen}")]
    public static partial void Started(ILogger logger, int width, int height, string screen);

    [LoggerMessage(101, LogLevel.Information, "terminal UI ends with exit code {ExitCode}")]
    public static partial void Ended(ILogger logger, int exitCode);

    [LoggerMessage(103, LogLevel.Debug, "status on {Screen} ({File}, step {Step}): {Status}")]
    public static partial void Status(ILogger logger, string screen, string file, int step, string status);

    [LoggerMessage(120, LogLevel.Debug, "first frame drawn {Milliseconds} ms after the process started")]
    public static partial void FirstFrame(ILogger logger, long milliseconds);

    [LoggerMessage(121, LogLevel.Trace, "key {Key}: its frame drawn {Milliseconds:F1} ms after the key was taken")]
    public static partial void KeyDrawn(ILogger logger, string key, double milliseconds);

    [LoggerMessage(122, LogLevel.Debug, "input waits in poll(2) (up to {PollMs} ms at a time) and the main loop waits for it (up to {IterationMs} ms)")]
    public static partial void QuickInputInstalled(ILogger logger, int pollMs, int iterationMs);

    [LoggerMessage(123, LogLevel.Warning, "Terminal.Gui's own input kept (a key may wait up to 20 ms before it is read): {Reason}")]
    public static partial void QuickInputFailed(ILogger logger, string reason);
}
