namespace IpcLab.Core.Tests.Cli;

/// <summary>A value that is not a whole number, or does not fit, is refused with a sentence naming the option, never a .NET type.</summary>
public sealed class BadNumberTests
{
    private static readonly string Lesson = RepoFiles.Lesson("lost-update.ipl");

    public static TheoryData<string[], string> BadValues => new()
    {
        { ["tui", Lesson, "--at", "abc"], "ipclab: --at: 'abc' is not a whole number; N is the step to open the run at" },
        { ["run", Lesson, "--seed", "x"], "ipclab: --seed: 'x' is not a whole number; N is the seed of the random scheduler" },
        { ["run", Lesson, "--max-steps", "1e3"], "ipclab: --max-steps: '1e3' is not a whole number; N is the step budget of a run" },
        { ["check", Lesson, "--runs", "many"], "ipclab: --runs: 'many' is not a whole number; N is how many random schedules to try" },
        { ["check", Lesson, "--seed", "-1"], "ipclab: --seed: '-1' is out of range (0 to 18446744073709551615); S is the first seed" },
        { ["tui", Lesson, "--at", "99999999999"], "ipclab: --at: '99999999999' is out of range (-2147483648 to 2147483647); N is the step to open the run at" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Command_OptionValueNotAWholeNumber_SaysSoPlainlyWithExitTwo(string[] args, string message)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.StartsWith(message, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot parse", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Tui_NegativeAt_KeepsItsOwnSentence()
    {
        var run = CliRun.Of("tui", Lesson, "--at", "-3");

        Assert.Equal(2, run.Exit);
        Assert.Equal("ipclab: --at must be a step number, 0 or more\n", run.Err.ReplaceLineEndings("\n"));
    }
}
