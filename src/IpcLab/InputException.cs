namespace IpcLab;

/// <summary>
/// Bad input or usage: the message goes to stderr and the command exits with <see cref="ExitCode"/>,
/// 2 unless a signal stopped a write (128 + the signal's number, as a shell reports it).
/// </summary>
internal sealed class InputException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
