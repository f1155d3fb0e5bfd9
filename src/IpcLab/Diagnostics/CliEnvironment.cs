namespace IpcLab.Diagnostics;

/// <summary>
/// What the command reads from the process around it: environment variables, the folder for a
/// crash log, the process id. Tests pass their own, so they never change the real environment.
/// </summary>
internal sealed record CliEnvironment
{
    /// <summary>The real process: its environment variables, <see cref="Path.GetTempPath"/> and its id.</summary>
    public static CliEnvironment Process { get; } = new()
    {
        Variable = Environment.GetEnvironmentVariable,
        TempDirectory = Path.GetTempPath(),
        ProcessId = Environment.ProcessId,
    };

    public required Func<string, string?> Variable { get; init; }

    /// <summary>Where a crash log is written when no <c>--log</c> file was asked for.</summary>
    public required string TempDirectory { get; init; }

    public required int ProcessId { get; init; }

    /// <summary>Where `ipclab lesson ID` reads the student's answers; null: the process's standard input.</summary>
    public TextReader? Input { get; init; }

    /// <summary>
    /// A test seam: called with the verb's name just before the verb runs. A test throws from it
    /// to check what an internal error does (exit 70, one sentence, the details in a log).
    /// </summary>
    public Action<string>? BeforeVerb { get; init; }
}
