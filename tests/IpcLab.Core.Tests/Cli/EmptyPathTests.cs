namespace IpcLab.Core.Tests.Cli;

/// <summary>An empty file name (or one holding a NUL character) anywhere on the command line is a usage error, exit 2.</summary>
public sealed class EmptyPathTests
{
    private static readonly string Lesson = RepoFiles.Lesson("lost-update.ipl");

    public static TheoryData<string[], string> EmptyNames => new()
    {
        { ["run", ""], "FILE: the file name is empty" },
        { ["check", ""], "FILE: the file name is empty" },
        { ["tui", ""], "FILE: the file name is empty" },
        { ["run", Lesson, "--replay", ""], "--replay: the file name is empty" },
        { ["run", Lesson, "--save", ""], "--save: the file name is empty" },
        { ["run", Lesson, "--trace", ""], "--trace: the file name is empty" },
        { ["check", Lesson, "--runs", "3", "--save", ""], "--save: the file name is empty" },
        { ["run", "a\0b.ipl"], "FILE: the file name holds a NUL character, which no file name can hold" },
        { ["run", Lesson, "--save", "x\0.json"], "--save: the file name holds a NUL character" },
    };

    [Theory]
    [MemberData(nameof(EmptyNames))]
    public void Command_EmptyOrNulFileName_IsAUsageErrorWithExitTwo(string[] args, string message)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"ipclab: {message}", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Err, StringComparison.Ordinal);
    }
}
