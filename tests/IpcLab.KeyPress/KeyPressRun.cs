using System.Diagnostics;
using System.Text;

namespace IpcLab.KeyPress;

/// <summary>
/// One measurement: the real program started on a pseudo-terminal as its controlling terminal,
/// then, once the run screen shows step 0, space pressed again and again, each press timed from
/// the write of the key to the moment the program's output makes the screen show the next step.
/// </summary>
internal sealed class KeyPressRun(KeyPressOptions options) : IDisposable
{
    // The program's own terminal: opened by the shell, which setsid made a session leader with no
    // terminal, so it becomes the controlling one (job control, SIGWINCH and raw mode apply to it).
    private const string StartOnTerminal = "exec \"$0\" \"$@\" <\"$IPCLAB_TERMINAL\" >\"$IPCLAB_TERMINAL\" 2>&1";

    private readonly KeyPressOptions _options = options;
    private readonly PseudoTerminal _terminal = new(options.Columns, options.Rows);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private TerminalScreen? _screen;
    private Process? _program;

    /// <summary>The milliseconds of every counted press, in order.</summary>
    public IReadOnlyList<double> Measure()
    {
        _screen = new TerminalScreen(_options.Columns, _options.Rows, answer => _terminal.Write(Encoding.ASCII.GetBytes(answer)));
        _program = Start();
        WaitFor(0, Stopwatch.GetTimestamp(), _options.StartTimeoutMs);
        var times = new List<double>();
        for (var press = 1; press <= _options.Warmup + _options.Presses; press++)
        {
            var pressed = Stopwatch.GetTimestamp();
            _terminal.Write(" "u8);
            var took = WaitFor(press, pressed, _options.TimeoutMs);
            if (press > _options.Warmup)
            {
                times.Add(took);
            }
        }

        if (_options.ShowScreen)
        {
            Console.Error.WriteLine(_screen);
        }

        return times;
    }

    public void Dispose()
    {
        if (_program is { HasExited: false })
        {
            _program.Kill(entireProcessTree: true);
            _program.WaitForExit();
        }

        _program?.Dispose();
        _terminal.Dispose();
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = _options.Root,
        };
        foreach (var argument in (string[])["sh", "-c", StartOnTerminal, _options.Dotnet, _options.Program, "tui", _options.File, .. _options.Extra])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["IPCLAB_TERMINAL"] = _terminal.DevicePath;
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("TMUX");
        return Process.Start(start) ?? throw new InvalidOperationException("setsid did not start");
    }

    /// <summary>
    /// Reads the program's output until the whole frame of step <paramref name="step"/> is on the
    /// screen; the milliseconds since <paramref name="from"/>. A frame is written top to bottom and
    /// reaches the terminal in several reads, so the header alone is not enough: the timeline, near
    /// the bottom, must show the step too.
    /// </summary>
    private double WaitFor(int step, long from, int timeoutMs)
    {
        var header = $" · step {step} ·";
        var timeline = step == 0 ? "timeline: no steps recorded yet" : $"step {step}/";
        var screen = _screen!;
        while (!screen.Shows(header) || !screen.Shows(timeline))
        {
            var left = timeoutMs - (int)Stopwatch.GetElapsedTime(from).TotalMilliseconds;
            if (left <= 0)
            {
                throw new TimeoutException($"step {step} did not show within {timeoutMs} ms; the screen:\n{screen}");
            }

            var read = _terminal.Read(_buffer, left);
            if (read < 0)
            {
                throw new InvalidOperationException($"the program ended before step {step} showed; the screen:\n{screen}");
            }

            screen.Feed(_buffer.AsSpan(0, read));
        }

        return Stopwatch.GetElapsedTime(from).TotalMilliseconds;
    }
}
