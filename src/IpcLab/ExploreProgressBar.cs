using System.Diagnostics;
using System.Globalization;
using IpcLab.Core.Explore;

namespace IpcLab;

/// <summary>
/// How far <c>ipclab check --all</c> has got, on standard error. On a terminal: one line redrawn in
/// place, a bar filled to the nearer of the two limits (--max-states, --max-memory), with states
/// a second, depth and memory, cleared before the report is printed. In a pipe or a file: a plain
/// line each time, for a log to keep.
/// </summary>
internal sealed class ExploreProgressBar(TextWriter err, bool terminal, long maxStates, long maxBytes) : IProgress<ExploreProgress>
{
    private const int BarWidth = 20;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _drawn;

    /// <summary>True when standard error is the console's and goes to a terminal.</summary>
    public static bool IsTerminal(TextWriter err) => ReferenceEquals(err, Console.Error) && !Console.IsErrorRedirected;

    public void Report(ExploreProgress value)
    {
        if (!terminal)
        {
            err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exploring: {value.States:N0} states, {value.Transitions:N0} transitions, depth {value.Depth}, {value.Frontier:N0} to expand, {value.Bytes / 1e6:N0} MB"));
            return;
        }

        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        var fraction = Math.Min(1.0, Math.Max((double)value.States / maxStates, maxBytes == long.MaxValue ? 0 : (double)value.Bytes / maxBytes));
        var filled = (int)Math.Round(fraction * BarWidth);
        var line = string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.States:N0} states, {value.States / seconds / 1000:N0} k/s, depth {value.Depth}, {value.Bytes / 1e6:N0} MB, {value.Frontier:N0} to expand");
        err.Write('\r' + line.PadRight(_drawn));
        err.Flush();
        _drawn = line.Length;
    }

    /// <summary>Clears the bar, so what is printed next starts on a clean line.</summary>
    public void Clear()
    {
        if (terminal && _drawn > 0)
        {
            err.Write('\r' + new string(' ', _drawn) + '\r');
            err.Flush();
            _drawn = 0;
        }
    }
}
