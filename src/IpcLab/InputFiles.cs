using IpcLab.Core.Model;
using IpcLab.Core.Persistence;
using IpcLab.Core.Script;

namespace IpcLab;

/// <summary>Reads scripts and saved runs, turning every problem into a clear <see cref="InputException"/>.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Refuses a file name no file can have (empty, or holding a NUL character) before anything
    /// runs; <paramref name="what"/> is the argument or option it came from ("FILE", "--save").
    /// </summary>
    public static void CheckName(string? path, string what)
    {
        if (path is null)
        {
            return;
        }

        if (path.Length == 0)
        {
            throw new InputException($"{what}: the file name is empty");
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputException($"{what}: the file name holds a NUL character, which no file name can hold");
        }
    }

    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new InputException($"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputException($"{path}: no such file (the folder does not exist)");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read it (permission denied, or it is a folder)");
        }
        catch (IOException e)
        {
            throw new InputException($"{path}: cannot read it: {e.Message}");
        }
    }

    public static CompiledProgram Compile(string path, string text)
    {
        try
        {
            return Compiler.CompileText(path, text);
        }
        catch (ScriptError e)
        {
            throw new InputException(e.Message);
        }
    }

    public static CompiledProgram LoadScript(string path) => Compile(path, ReadText(path));

    public static SavedRun LoadRun(string path)
    {
        try
        {
            return SavedRun.Parse(path, ReadText(path));
        }
        catch (SavedRunException e)
        {
            throw new InputException(e.Message);
        }
    }
}
