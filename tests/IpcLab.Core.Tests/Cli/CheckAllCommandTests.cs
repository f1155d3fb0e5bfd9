namespace IpcLab.Core.Tests.Cli;

public sealed class CheckAllCommandTests
{
    [Fact]
    public void CheckAll_Cargill_PrintsTheShortestDeadlockAndExitsOne()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all");

        Assert.Equal(1, run.Exit);
        Assert.Contains("5,174 distinct states", run.Out, StringComparison.Ordinal);
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
}
