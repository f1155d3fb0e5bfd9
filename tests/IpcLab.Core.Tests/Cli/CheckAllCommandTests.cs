namespace IpcLab.Core.Tests.Cli;

public sealed class CheckAllCommandTests
{
    private const string WaitWithIf = WaitWithIfProgram.Text;

    [Fact]
    public void CheckAll_Cargill_PrintsTheShortestDeadlockAndExitsOne()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all");

        Assert.Equal(1, run.Exit);
        Assert.Contains("5,174 distinct states", run.Out, StringComparison.Ordinal);
        Assert.Contains("memory: 25 bytes a state in the visited set (0.1 MB)", run.Out, StringComparison.Ordinal);
        Assert.Contains("FOUND deadlock: shortest run 31 steps (no schedule reaches it in fewer)", run.Out, StringComparison.Ordinal);
        Assert.Contains("the shortest run to the deadlock, 31 steps:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_CargillWithBroadcast_SaysNoScheduleFailsAndExitsZero()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-broadcast.ipl"), "--all");

        Assert.Equal(0, run.Exit);
        Assert.Contains("no finding: no schedule of this program deadlocks, faults or fails a check", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_StateLimit_SaysTheResultIsNotAboutEverySchedule()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all", "--max-states", "1000");

        Assert.Equal(0, run.Exit);
        Assert.Contains("stopped at --max-states 1000", run.Out, StringComparison.Ordinal);
        Assert.Contains("this is not yet a statement about every schedule", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_WithGuarantee_IsRefusedWithExitTwo()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all", "--guarantee");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--all and --guarantee cannot be combined", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_CargillWithBothReductionsAndCompare_SameShortestDeadlockFewerStatesBothCounts()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all", "--symmetry", "--partial-order", "--compare");

        Assert.Equal(1, run.Exit);
        Assert.Contains("symmetry: consumer * 2 interchangeable", run.Out, StringComparison.Ordinal);
        Assert.Contains("partial order: 344 steps not taken", run.Out, StringComparison.Ordinal);
        Assert.Contains("2,598 distinct states, 5,189 transitions", run.Out, StringComparison.Ordinal);
        Assert.Contains("without reductions: 5,174 distinct states, 11,002 transitions", run.Out, StringComparison.Ordinal);
        Assert.Contains("FOUND deadlock: shortest run 31 steps (no schedule reaches it in fewer)", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--symmetry")]
    [InlineData("--partial-order")]
    [InlineData("--compare")]
    public void Check_ReductionWithoutAll_IsRefusedWithExitTwo(string flag)
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), flag);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{flag} reduces the exhaustive search: use it with --all", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_Spurious_FindsTheWakeUpAnIfDoesNotCheckAndExitsOne()
    {
        using var dir = new TempDir();
        var file = dir.File("wait-if.ipl");
        File.WriteAllText(file, WaitWithIf);

        var plain = CliRun.Of("check", file, "--all");
        var run = CliRun.Of("check", file, "--all", "--spurious");

        Assert.Equal(0, plain.Exit);
        Assert.Equal(1, run.Exit);
        Assert.Contains("every waiter a signal can wake, every spurious wake-up", run.Out, StringComparison.Ordinal);
        Assert.Contains("FOUND assertion failed: shortest run 6 steps", run.Out, StringComparison.Ordinal);
        Assert.Contains("wakes up from c without a signal (spurious wake-up)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_CrashOfAConsumer_NamesItAndFindsTheDeadlockSooner()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all", "--crash", "consumer-1");

        Assert.Equal(1, run.Exit);
        Assert.Contains("a crash of consumer-1 at any step", run.Out, StringComparison.Ordinal);
        Assert.Contains("FOUND deadlock: shortest run 7 steps", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_CrashOfAnUnknownName_IsRefusedWithExitTwoAndTheNames()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all", "--crash", "nobody");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--crash nobody: no thread or process of", run.Err, StringComparison.Ordinal);
        Assert.Contains("(threads: producer, consumer-1, consumer-2)", run.Err, StringComparison.Ordinal);
    }
}
