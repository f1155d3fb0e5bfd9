using IpcLab.Tui.App;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace IpcLab.Diagnostics;

/// <summary>
/// The command's loggers for one invocation: to the <c>--log</c> file through Serilog when one was
/// asked for, and otherwise to a short in-memory record that only a crash log ever reads. Nothing
/// is ever logged to the console: the terminal UI owns the screen.
/// </summary>
internal sealed class CliLogging : IDisposable
{
    private const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] (pid {Pid}) {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private readonly ILoggerFactory _factory;

    private CliLogging(ILoggerFactory factory, string? file, RecentEntries? recent)
    {
        _factory = factory;
        File = file;
        Recent = recent;
        Logger = factory.CreateLogger("IpcLab");
    }

    /// <summary>The command's own logger (category <c>IpcLab</c>).</summary>
    public ILogger Logger { get; }

    /// <summary>The log file, when one records at least the critical entries (an internal error's details go there).</summary>
    public string? File { get; }

    /// <summary>The recent entries kept in memory for a crash log, when there is no log file.</summary>
    public RecentEntries? Recent { get; }

    /// <param name="inputs">The files the command reads (its script, a saved run): the log never appends to one.</param>
    /// <exception cref="InputException">The log file cannot be opened for writing, is not a regular file, or is an input.</exception>
    public static CliLogging Open(LogSettings settings, int processId, IReadOnlyList<string> inputs)
    {
        if (settings.File is null || settings.Level == LogLevel.None)
        {
            var recent = new RecentEntries(LogLevel.Debug);
            return new CliLogging(LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(recent)), null, recent);
        }

        var path = Writable(settings.File, inputs);
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(ToSerilog(settings.Level))
            .Enrich.WithProperty("Pid", processId)
            .WriteTo.File(path, outputTemplate: Template, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(settings.Level).AddSerilog(serilog, dispose: true));
        return new CliLogging(factory, path, null);
    }

    public ILogger CreateLogger(string category) => _factory.CreateLogger(category);

    /// <summary>Flushes and closes the log file.</summary>
    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// The full path of the log file, opened once for appending to be sure it can be written. Only a
    /// regular file (or a new one) takes a log: appending to a device, a pipe or through a link is
    /// refused, as for --save, and so is appending to a file the command reads.
    /// </summary>
    private static string Writable(string given, IReadOnlyList<string> inputs)
    {
        try
        {
            var path = Path.GetFullPath(given);
            var target = NativeFiles.Inspect(path);
            if (target.Type is not (FileType.Missing or FileType.Regular))
            {
                throw new InputException($"{given}: cannot write the log file: it is {target.Describe()}, not a regular file");
            }

            if (target.Type == FileType.Regular && inputs.Any(input => target.IsSameFileAs(NativeFiles.Inspect(Path.GetFullPath(input), followLinks: true))))
            {
                throw new InputException($"{given}: cannot write the log file: the command reads it; choose another file name");
            }

            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{given}: cannot write the log file: {e.Message}");
        }
    }

    private static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}
