using System.Text.RegularExpressions;

namespace IpcLab.Core.Tests.Cli;

/// <summary><c>ipclab check</c>'s injections (--spurious, --crash) and the run command its report suggests (<c>ipclab run --strategy</c>).</summary>
public sealed partial class CheckSamplingCommandTests
{
    private const string WaitWithIf = WaitWithIfProgram.Text;

    [Fact]
    public void Check_SpuriousOnAnIfAroundAWait_FindsTheAssertionOnlyWithIt()
    {
        using var dir = new TempDir();
        var file = dir.File("wait-if.ipl");
        File.WriteAllText(file, WaitWithIf);

        var plain = CliRun.Of("check", file);
        var run = CliRun.Of("check", file, "--spurious");

        Assert.Equal(0, plain.Exit);
        Assert.Equal(1, run.Exit);
        Assert.Contains("spurious wake-ups injected", run.Out, StringComparison.Ordinal);
        Assert.Contains("FOUND assertion failed", run.Out, StringComparison.Ordinal);
        Assert.Contains("wakes up from c without a signal (spurious wake-up)", run.Out, StringComparison.Ordinal);
        Assert.Contains("shrunk to 6 steps (breadth-first", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sticky")]
    [InlineData("portfolio")]
    public void Check_SuggestedRunCommand_ReplaysTheFirstFoundRunWithoutASavedFile(string strategy)
    {
        var check = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--strategy", strategy);
        var (command, finding) = Suggested(check.Out);

        var replay = CliRun.Of(command.Split(' ')[1..]);

        Assert.StartsWith($"ipclab run {RepoFiles.Lesson("cargill-deadlock.ipl")} --strategy {strategy} --seed ", command, StringComparison.Ordinal);
        Assert.Equal(1, replay.Exit);
        Assert.Contains(finding, replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SuggestedRunCommandWithSpuriousWakeups_ReplaysTheInjectionToo()
    {
        using var dir = new TempDir();
        var file = dir.File("wait-if.ipl");
        File.WriteAllText(file, WaitWithIf);
        var check = CliRun.Of("check", file, "--spurious", "--strategy", "pct", "--pct", "2");
        var (command, finding) = Suggested(check.Out);

        var replay = CliRun.Of(command.Split(' ')[1..]);

        Assert.Matches(@"--strategy pct --pct 2 --seed \d+ --spurious$", command);
        Assert.Contains(finding, replay.Out, StringComparison.Ordinal);
        Assert.Contains("(spurious wake-up)", replay.Out, StringComparison.Ordinal);
        Assert.Matches(@"scheduler: pct seed \d+ \(pct depth 2\)", replay.Out);
    }

    [Theory]
    [InlineData("--pct", "2")]
    [InlineData("--spurious", null)]
    [InlineData("--crash", "producer")]
    public void Run_CheckOptionWithoutStrategy_IsRefusedWithExitTwo(string flag, string? value)
    {
        string[] args = value is null ? ["run", RepoFiles.Lesson("cargill-deadlock.ipl"), flag] : ["run", RepoFiles.Lesson("cargill-deadlock.ipl"), flag, value];

        var run = CliRun.Of(args);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{flag} repeats a check's run: use it with --strategy", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CrashOfAnUnknownNameWhileSampling_IsRefusedWithExitTwo()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--crash", "nobody");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--crash nobody: no thread or process of", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SpuriousWithGuarantee_IsRefusedWithExitTwo()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--guarantee", "--spurious");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--spurious injects into the runs of --all or of the sampling", run.Err, StringComparison.Ordinal);
    }

    /// <summary>The run command the report suggests for its first found run, and that run's first finding line.</summary>
    private static (string Command, string Finding) Suggested(string output)
    {
        var match = SuggestedLine().Match(output);
        Assert.True(match.Success, output);
        return (match.Groups["command"].Value, match.Groups["finding"].Value);
    }

    [GeneratedRegex(@"replay: (?<command>ipclab run [^)]*)\):\n  - (?<finding>step \d+: [^\n]*)")]
    private static partial Regex SuggestedLine();
}
