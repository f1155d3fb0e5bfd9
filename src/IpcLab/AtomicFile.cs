using IpcLab.Tui.App;

namespace IpcLab;

/// <summary>
/// Writes a file of the command (a saved run, a trace) with <see cref="WholeFile"/>: all at once,
/// only as a regular file, never over a file the command reads. A failure is bad input (exit 2); a
/// signal during the write stops it (see <see cref="WriteInterrupt"/>).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string text, params (string Path, string Role)[] inputs)
    {
        using var interrupt = new WriteInterrupt();
        Write(path, text, inputs, interrupt);
    }

    /// <summary>Refuses, before the run, a target that a write would refuse after it: the error comes before any output.</summary>
    public static void Check(string? path, params (string Path, string Role)[] inputs)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            WholeFile.Check(Path.GetFullPath(path), inputs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write: {e.Message}");
        }
    }

    internal static void Write(string path, string text, (string Path, string Role)[] inputs, WriteInterrupt interrupt)
    {
        try
        {
            WholeFile.Write(Path.GetFullPath(path), text, inputs, interrupt.Token);
        }
        catch (Exception e) when (interrupt.Signal != 0 && e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            throw new InputException($"{path}: not written: stopped by {interrupt.SignalName}", interrupt.ExitCode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write: {e.Message}");
        }

        if (interrupt.Signal != 0)
        {
            throw new InputException($"stopped by {interrupt.SignalName} (after {path} was written whole)", interrupt.ExitCode);
        }
    }
}
