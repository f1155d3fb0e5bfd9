using IpcLab.Core.Model;
using IpcLab.Core.Persistence;
using IpcLab.Core.Script;
using IpcLab.Diagnostics;
using Microsoft.Extensions.Logging;

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

    public static CompiledProgram Compile(string path, string text, ILogger log)
    {
        CompiledProgram program;
        try
        {
            program = Compiler.CompileText(path, text);
        }
        catch (ScriptError e)
        {
            throw new InputException(e.Message);
        }

        CliLog.Compiled(log, path, program.Threads.Count, program.Objects.Count, program.Processes.Count, program.SourceLines.Count);
        return program;
    }

    public static CompiledProgram LoadScript(string path, ILogger log) => Compile(path, ReadText(path), log);

    public static SavedRun LoadRun(string path, ILogger log)
    {
        SavedRun run;
        try
        {
            run = SavedRun.Parse(path, ReadText(path));
        }
        catch (SavedRunException e)
        {
            throw new InputException(e.Message);
        }

        CliLog.SavedRunLoaded(log, path, run.ScriptFile, run.Schedule.Count, run.Events.Count, run.Scheduler);
        return run;
    }
}
