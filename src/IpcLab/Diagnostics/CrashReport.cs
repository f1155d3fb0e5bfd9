using System.Globalization;
using System.Text;

namespace IpcLab.Diagnostics;

/// <summary>
/// What an internal error (an exception that is not bad input: a bug in IpcLab) does: the
/// exception with its stack trace goes to the log file, or, without one, to a crash log
/// <c>ipclab-crash-PID.log</c> in the temporary folder with the entries that led to it; stderr
/// gets one sentence that says where; the exit code is 70 (EX_SOFTWARE). The terminal UI has
/// given the terminal back before the exception reaches this.
/// </summary>
internal static class CrashReport
{
    /// <summary>The exit code after an internal error (EX_SOFTWARE in sysexits.h).</summary>
    public const int ExitCode = 70;

    public static int Report(Exception error, string command, IReadOnlyList<string> args, CliLogging logging, CliEnvironment env, TextWriter stderr)
    {
        CliLog.InternalError(logging.Logger, error, command, ExitCode);
        var where = logging.File is { } file
            ? $"the details are in the log {file}"
            : WriteCrashLog(error, args, logging, env);
        stderr.WriteLine($"ipclab: internal error ({Summary(error)}); this is a bug in ipclab, please report it: {where}");
        return ExitCode;
    }

    /// <summary>The crash log's path for a process.</summary>
    public static string CrashLogPath(CliEnvironment env) =>
        Path.Combine(env.TempDirectory, string.Create(CultureInfo.InvariantCulture, $"ipclab-crash-{env.ProcessId}.log"));

    private static string WriteCrashLog(Exception error, IReadOnlyList<string> args, CliLogging logging, CliEnvironment env)
    {
        var path = CrashLogPath(env);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"ipclab internal error, pid {env.ProcessId}, {DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}")
            .AppendLine(CultureInfo.InvariantCulture, $"arguments: {string.Join(' ', args.Select(Quote))}")
            .AppendLine("recent log entries:");
        foreach (var line in logging.Recent?.Lines ?? [])
        {
            text.AppendLine(line);
        }

        try
        {
            File.WriteAllText(path, text.ToString());
            return $"the details are in {path}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the details could not be written to {path} ({e.Message}); run it again with --log FILE to keep them";
        }
    }

    /// <summary>The exception's message, on one line and not too long; never its stack trace.</summary>
    private static string Summary(Exception error)
    {
        var message = error.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length == 0)
        {
            message = "no message";
        }

        return message.Length <= 200 ? message : message[..199] + "…";
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',')
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
