using System.Globalization;
using IpcLab.KeyPress;

// Key press to updated screen, measured from outside the program with nothing between: the real
// ipclab on a 120x40 pseudo-terminal, space written to it, its output read until the screen shows
// the next step. Run by make bench-tui-key; run from the repository's root.
var root = Directory.GetCurrentDirectory();
var options = KeyPressOptions.Parse(args, root, out var problem);
if (options is null)
{
    Console.Error.WriteLine($"key-press: {problem}");
    Console.Error.WriteLine(KeyPressOptions.Usage);
    return 2;
}

IReadOnlyList<double> times;
try
{
    using var run = new KeyPressRun(options);
    times = run.Measure();
}
catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException or PlatformNotSupportedException)
{
    Console.Error.WriteLine($"key-press: {e.Message}");
    return 1;
}

var sorted = times.Order().ToArray();
string At(int percent) => sorted[Math.Max(1, (sorted.Length * percent + 99) / 100) - 1].ToString("0.0", CultureInfo.InvariantCulture);
var described = string.Join(' ', [options.File, .. options.Extra]);
Console.WriteLine(
    $"key press to updated screen ({options.Columns}x{options.Rows}, {described}, space, {options.Presses} presses after {options.Warmup}, pseudo-terminal): "
    + $"p50 {At(50)} ms, p90 {At(90)} ms, max {At(100)} ms");
return 0;
