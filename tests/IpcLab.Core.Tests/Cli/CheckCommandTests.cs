namespace IpcLab.Core.Tests.Cli;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_IfInsteadOfWhile_FindsTheFaultWithinDefaultRuns()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("bounded-buffer-if.ipl"));

        Assert.Equal(1, run.Exit);
        Assert.Contains("FOUND fault", run.Out, StringComparison.Ordinal);
        Assert.Contains("take from empty queue buffer", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"first found with seed \d+", run.Out);
    }

    [Fact]
    public void Check_Cargill_FindsTheDeadlockWithinDefaultRuns()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"));

        Assert.Equal(1, run.Exit);
        Assert.Contains("FOUND deadlock", run.Out, StringComparison.Ordinal);
        Assert.Contains("producer waits on changed", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"shortest run found: seed \d+, \d+ steps; shrunk to \d+ steps", run.Out);
    }

    [Fact]
    public void Check_CorrectBuffer_ReportsNoFindingAndExitsZero()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("bounded-buffer.ipl"));

        Assert.Equal(0, run.Exit);
        Assert.Contains("checked", run.Out, StringComparison.Ordinal);
        Assert.Contains("1000 runs", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"no finding: .*; \d+ distinct final states?", run.Out);
    }

    [Fact]
    public void Check_SaveShrunkRun_ReplaysToTheSameDeadlock()
    {
        using var dir = new TempDir();
        var saved = dir.File("cargill.json");
        var check = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--save", saved);
        var replay = CliRun.Of("run", RepoFiles.Lesson("cargill-deadlock.ipl"), "--replay", saved);

        Assert.Equal(1, check.Exit);
        Assert.Equal(1, replay.Exit);
        Assert.Contains("deadlock: no thread can run", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SharedMemoryRace_FindsTheLostUpdate()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("shm-race.ipl"));

        Assert.Equal(1, run.Exit);
        Assert.Contains("FOUND final check failed", run.Out, StringComparison.Ordinal);
        Assert.Contains("final check `counter[0] == 2` (line 17) failed: both increments must count — counter holds [1]", run.Out, StringComparison.Ordinal);
        Assert.Contains("adder2  reads counter[0] = 0 into a register", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SharedMemoryRaceFixedWithAMutexInTheSegment_ReportsNoFinding()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("shm-race-fix.ipl"));

        Assert.Equal(0, run.Exit);
        Assert.Matches(@"no finding: .*; \d+ distinct final states?", run.Out);
    }

    [Fact]
    public void Check_ZeroRuns_IsAUsageError()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("bounded-buffer.ipl"), "--runs", "0");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--runs must be at least 1", run.Err, StringComparison.Ordinal);
    }
}
