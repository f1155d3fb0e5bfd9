using IpcLab.Tui.App;

namespace IpcLab;

/// <summary>
/// Writes a file all at once (see <see cref="RunFiles.WriteWhole"/>: a temporary file beside it,
/// renamed over it), so a failure never leaves a half-written run or trace; a failure is bad input.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string text)
    {
        try
        {
            RunFiles.WriteWhole(Path.GetFullPath(path), text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write: {e.Message}");
        }
    }
}
