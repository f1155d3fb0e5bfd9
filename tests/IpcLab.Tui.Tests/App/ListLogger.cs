using Microsoft.Extensions.Logging;

namespace IpcLab.Tui.Tests.App;

/// <summary>A logger that keeps every entry as "Level: message", at every level.</summary>
internal sealed class ListLogger : ILogger
{
    public List<string> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add($"{logLevel}: {formatter(state, exception)}");
}
