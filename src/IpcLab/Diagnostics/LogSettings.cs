using Microsoft.Extensions.Logging;

namespace IpcLab.Diagnostics;

/// <summary>
/// Where the log goes and from which level: <c>--log FILE</c> and <c>--log-level LEVEL</c>, or the
/// environment variables <c>IPCLAB_LOG</c> and <c>IPCLAB_LOG_LEVEL</c> when the options are not
/// given. Without a file nothing is logged to a file (an internal error still writes a crash log).
/// </summary>
internal sealed record LogSettings(string? File, LogLevel Level)
{
    public const string FileVariable = "IPCLAB_LOG";
    public const string LevelVariable = "IPCLAB_LOG_LEVEL";

    /// <summary>The level when none is given: what the command did, not every step.</summary>
    public const LogLevel DefaultLevel = LogLevel.Information;

    /// <summary>The level names, as <c>--log-level</c> takes them, lowest first.</summary>
    public static readonly IReadOnlyList<string> LevelNames = ["trace", "debug", "information", "warning", "error", "critical", "none"];

    /// <exception cref="InputException">A level name is not one of <see cref="LevelNames"/>, or the file name is empty.</exception>
    public static LogSettings From(string? fileOption, string? levelOption, CliEnvironment env)
    {
        var file = fileOption ?? NonEmpty(env.Variable(FileVariable));
        if (file is { Length: 0 })
        {
            throw new InputException("--log needs a file name");
        }

        var level = levelOption is not null ? ParseLevel(levelOption, "--log-level")
            : NonEmpty(env.Variable(LevelVariable)) is { } fromEnv ? ParseLevel(fromEnv, LevelVariable)
            : DefaultLevel;
        return new LogSettings(file, level);
    }

    /// <summary>A level by name (any case): trace, debug, information, warning, error, critical, none.</summary>
    public static LogLevel ParseLevel(string name, string where)
    {
        var index = LevelNames.ToList().IndexOf(name.Trim().ToLowerInvariant());
        return index >= 0
            ? (LogLevel)index
            : throw new InputException($"{where} must be one of {string.Join(", ", LevelNames)}; '{name}' is not a level");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
