using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IpcLab.Diagnostics;

/// <summary>
/// Keeps the last <see cref="Capacity"/> log entries in memory, formatted, when no log file was
/// asked for: if the command then fails with an internal error, they go into the crash log with
/// the exception, so it says what the command was doing.
/// </summary>
internal sealed class RecentEntries : ILoggerProvider
{
    public const int Capacity = 200;

    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly LogLevel _minimum;

    public RecentEntries(LogLevel minimum) => _minimum = minimum;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new EntryLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_lock)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    private sealed class EntryLogger(RecentEntries owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var time = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture);
            var line = $"{time} [{logLevel}] {category}: {formatter(state, exception)}";
            owner.Add(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
