using System.Diagnostics;
using IpcLab.Tui.App;
using Microsoft.Extensions.Logging;
using Terminal.Gui.Input;

namespace IpcLab.Tui.Gui;

/// <summary>
/// How long the screen takes, in the log (debug and trace levels): the first frame after the
/// process started, and each key from the moment the application takes it to the end of the
/// frame it leads to (the frame is drawn into the driver's buffer; writing it to the terminal
/// follows). The key's wait before the application takes it (Terminal.Gui's input thread and main
/// loop) is not in the figure: <c>make bench-tui-key</c> measures the whole press from outside.
/// </summary>
internal sealed class FrameTimings(ILogger log)
{
    private readonly ILogger _log = log;
    private bool _firstDrawn;
    private long _keyAt;
    private Key? _key;

    public void KeyTaken(Key key)
    {
        _keyAt = Stopwatch.GetTimestamp();
        _key = key;
    }

    public void Drawn()
    {
        if (!_firstDrawn)
        {
            _firstDrawn = true;
            if (_log.IsEnabled(LogLevel.Debug))
            {
                using var process = Process.GetCurrentProcess();
                TuiLog.FirstFrame(_log, (long)(DateTime.Now - process.StartTime).TotalMilliseconds);
            }
        }
        else if (_key is { } key)
        {
            TuiLog.KeyDrawn(_log, key.ToString(), Stopwatch.GetElapsedTime(_keyAt).TotalMilliseconds);
            _key = null;
        }
    }
}
