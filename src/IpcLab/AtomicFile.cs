namespace IpcLab;

/// <summary>
/// Writes a file all at once: to a temporary file beside it, then renamed over it, so a failure
/// never leaves a half-written run or trace behind.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir))
        {
            throw new InputException($"{path}: cannot write: the folder {dir} does not exist");
        }

        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        catch (IOException e)
        {
            File.Delete(temp);
            throw new InputException($"{path}: cannot write: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            File.Delete(temp);
            throw new InputException($"{path}: cannot write: {e.Message}");
        }
    }
}
