using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IpcLab.Diagnostics;

/// <summary>
/// What every verb is given: its output, its error stream and its logger. The commands are built
/// before the arguments are parsed, so the logging (set by <c>--log</c>) is filled in afterwards.
/// </summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Err { get; } = stderr;

    public CliLogging? Logging { get; set; }

    public ILogger Logger => Logging?.Logger ?? NullLogger.Instance;

    public ILogger LoggerFor(string category) => Logging?.CreateLogger(category) ?? NullLogger.Instance;
}
