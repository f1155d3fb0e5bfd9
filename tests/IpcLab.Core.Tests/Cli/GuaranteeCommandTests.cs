namespace IpcLab.Core.Tests.Cli;

public sealed class GuaranteeCommandTests
{
    [Fact]
    public void CheckGuarantee_CommitAfter_SaysAtLeastOnceAndShowsTheDuplicate()
    {
        using var dir = new TempDir();
        var saved = dir.File("dup.json");
        var run = CliRun.Of("check", RepoFiles.Lesson("guarantee-log-commit-after.ipl"), "--guarantee", "--runs", "200", "--save", saved);
        var replay = CliRun.Of("run", RepoFiles.Lesson("guarantee-log-commit-after.ipl"), "--replay", saved);

        Assert.Equal(1, run.Exit);
        Assert.Matches(@"at-least-once: 0 lost, \d+ duplicated in 200 runs with crashes", run.Out);
        Assert.Matches(@"shortest bad run: seed \d+, \w+ crashes (before|after) \w+ \(line \d+\), \d+ steps; shrunk to \d+ steps", run.Out);
        Assert.Matches(@"lost: none; handled more than once: job \d", run.Out);
        Assert.Contains("crashes", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckGuarantee_RetryingProducer_NamesTheLostAckAndReplaysIt()
    {
        using var dir = new TempDir();
        var saved = dir.File("dup.json");
        var run = CliRun.Of("check", RepoFiles.Lesson("guarantee-log-retrying.ipl"), "--guarantee", "--runs", "100", "--save", saved);
        var replay = CliRun.Of("run", RepoFiles.Lesson("guarantee-log-retrying.ipl"), "--replay", saved);

        Assert.Equal(1, run.Exit);
        Assert.Contains("with one fault at a crash point: a client's process crashed before or after a send, handle, commit or ack; or a produce's acknowledgement lost, so its producer sent it again (", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"shortest bad run: seed \d+, the acknowledgement of seller's produce \(line 15\) is lost: seller sends the record again", run.Out);
        Assert.Contains("\"lost-ack\": \"seller\"", File.ReadAllText(saved), StringComparison.Ordinal);
        Assert.Contains("(its acknowledgement was lost): without idempotence the retry is appended again", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckGuarantee_ProgramWithoutHandle_ExitsTwoAndSaysWhy()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("log-commit-after.ipl"), "--guarantee");

        Assert.Equal(2, run.Exit);
        Assert.Contains("needs a `handle MESSAGE` statement", run.Err, StringComparison.Ordinal);
    }
}
