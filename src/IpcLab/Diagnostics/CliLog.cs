using Microsoft.Extensions.Logging;

namespace IpcLab.Diagnostics;

/// <summary>Everything the command writes to its log, one method per kind of entry.</summary>
internal static partial class CliLog
{
    /// <param name="command">"ipclab run", "ipclab check", "ipclab tui", or "ipclab" alone.</param>
    [LoggerMessage(1, LogLevel.Information, "{Command} starts with arguments {Arguments} in {Directory}")]
    public static partial void Started(ILogger logger, string command, IReadOnlyList<string> arguments, string directory);

    [LoggerMessage(2, LogLevel.Information, "{Command} ends with exit code {ExitCode}")]
    public static partial void Ended(ILogger logger, string command, int exitCode);

    [LoggerMessage(3, LogLevel.Warning, "bad input or usage (exit code 2): {Problem}")]
    public static partial void BadInput(ILogger logger, string problem);

    [LoggerMessage(4, LogLevel.Critical, "internal error in {Command} (exit code {ExitCode})")]
    public static partial void InternalError(ILogger logger, Exception error, string command, int exitCode);

    [LoggerMessage(10, LogLevel.Information, "compiled {File}: {Threads} threads, {Objects} objects, {Processes} processes, {Lines} lines")]
    public static partial void Compiled(ILogger logger, string file, int threads, int objects, int processes, int lines);

    [LoggerMessage(11, LogLevel.Information, "loaded the saved run {File}: scenario {ScriptFile}, {Entries} schedule entries, {Events} events, scheduler {Scheduler}")]
    public static partial void SavedRunLoaded(ILogger logger, string file, string scriptFile, int entries, int events, string scheduler);

    [LoggerMessage(20, LogLevel.Information, "run of {File} under {Scheduler} ended after {Steps} steps: {Outcome}, {Findings} findings")]
    public static partial void RunEnded(ILogger logger, string file, string scheduler, int steps, string outcome, int findings);

    [LoggerMessage(21, LogLevel.Debug, "finding at step {Step}: {Kind}: {Text}")]
    public static partial void Finding(ILogger logger, int step, string kind, string text);

    [LoggerMessage(22, LogLevel.Trace, "step {Step}: {Text}")]
    public static partial void Event(ILogger logger, int step, string text);

    [LoggerMessage(23, LogLevel.Information, "check of {File}: {Runs} runs from seed {Seed}, {RunsWithFindings} with findings{First}")]
    public static partial void CheckEnded(ILogger logger, string file, int runs, ulong seed, int runsWithFindings, string first);

    [LoggerMessage(24, LogLevel.Information, "exploration of {File}: {States} states, {Transitions} transitions, stopped {Stop}, {Findings} kinds of finding")]
    public static partial void ExploreEnded(ILogger logger, string file, int states, long transitions, string stop, int findings);

    [LoggerMessage(30, LogLevel.Information, "wrote {What} to {Path}")]
    public static partial void Wrote(ILogger logger, string what, string path);

    [LoggerMessage(40, LogLevel.Information, "opening the terminal UI on {What}")]
    public static partial void OpeningTui(ILogger logger, string what);
}
