using IpcLab.Core.Explore;

namespace IpcLab.Core.Tests.Cli;

/// <summary><c>ipclab check --all</c> with <c>--merge</c> and <c>--max-memory</c>, and how it shows its progress.</summary>
public sealed class CheckAllMergeCommandTests
{
    [Fact]
    public void CheckAll_CargillMergedWithSymmetryAndCompare_SameShortestDeadlockFewerStates()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all", "--merge", "--symmetry", "--compare");

        Assert.Equal(1, run.Exit);
        Assert.Contains("merge: 1,205 steps no other thread can observe taken together with their thread's next step", run.Out, StringComparison.Ordinal);
        Assert.Contains("781 distinct states, 1,409 transitions, the farthest 55 steps from the start", run.Out, StringComparison.Ordinal);
        Assert.Contains("without reductions: 5,174 distinct states, 11,002 transitions", run.Out, StringComparison.Ordinal);
        Assert.Contains("FOUND deadlock: shortest run 31 steps (no schedule reaches it in fewer)", run.Out, StringComparison.Ordinal);
        Assert.Contains("the shortest run to the deadlock, 31 steps:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_MaxMemory_StopsThereAndSaysTheResultIsNotAboutEverySchedule()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-broadcast.ipl"), "--all", "--max-memory", "1");

        Assert.Equal(0, run.Exit);
        Assert.Contains("stopped at --max-memory 1 MB with states still to expand", run.Out, StringComparison.Ordinal);
        Assert.Contains("this is not yet a statement about every schedule", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--merge", "--merge reduces the exhaustive search: use it with --all")]
    [InlineData("--max-memory=100", "--max-memory bounds the exhaustive search: use it with --all")]
    public void Check_MergeOrMaxMemoryWithoutAll_IsRefusedWithExitTwo(string flag, string message)
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), flag);

        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_MaxMemoryZero_IsRefusedWithExitTwo()
    {
        var run = CliRun.Of("check", RepoFiles.Lesson("cargill-deadlock.ipl"), "--all", "--max-memory", "0");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--max-memory must be at least 1 (megabytes)", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressBar_OnATerminal_RedrawsOneLineFilledToTheStateLimitAndClearsIt()
    {
        var err = new StringWriter();
        var bar = new ExploreProgressBar(err, terminal: true, maxStates: 1000, maxBytes: long.MaxValue);

        bar.Report(new ExploreProgress(500, 900, 12, 40) { Bytes = 3_000_000 });
        var drawn = err.ToString();
        bar.Clear();

        Assert.StartsWith("\r[##########..........] 500 states, ", drawn, StringComparison.Ordinal);
        Assert.Contains("k/s, depth 12, 3 MB, 40 to expand", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', err.ToString());
        Assert.EndsWith("\r" + new string(' ', drawn.Length - 1) + "\r", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressBar_InAPipe_WritesPlainLines()
    {
        var err = new StringWriter();
        var bar = new ExploreProgressBar(err, terminal: false, maxStates: 1000, maxBytes: long.MaxValue);

        bar.Report(new ExploreProgress(65_536, 120_000, 40, 9_000) { Bytes = 2_500_000 });
        bar.Clear();

        Assert.Equal("exploring: 65,536 states, 120,000 transitions, depth 40, 9,000 to expand, 2 MB" + Environment.NewLine, err.ToString());
    }
}
