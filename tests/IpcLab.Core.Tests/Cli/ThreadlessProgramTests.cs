using IpcLab.Core.Tests.Regressions;

namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// A program without any thread (an empty file, comments, declarations, a final check alone) is a
/// normal run of 0 steps: `run` and `check` both say there is no thread to run and still evaluate
/// the final checks.
/// </summary>
public sealed class ThreadlessProgramTests
{
    private static string Input(string name) => Path.Combine(RegressionInputTests.Folder, name);

    [Fact]
    public void Run_EmptyFile_SaysThereIsNoThreadAndExitsZero()
    {
        var run = CliRun.Of("run", Input("no-thread-empty.ipl"));

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Err);
        Assert.Contains("scheduler: random (seed 1); 0 steps", run.Out, StringComparison.Ordinal);
        Assert.Contains("threads: none (the program declares no thread, so no step can run", run.Out, StringComparison.Ordinal);
        Assert.Contains("result: ok: there is no thread to run\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DevNull_IsAnEmptyProgram()
    {
        var run = CliRun.Of("run", "/dev/null");

        Assert.Equal(0, run.Exit);
        Assert.Contains("result: ok: there is no thread to run", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FinalCheckAlone_EvaluatesIt()
    {
        var run = CliRun.Of("run", Input("no-thread-expect-only.ipl"));

        Assert.Equal(0, run.Exit);
        Assert.Contains("-       final check `1 == 1` holds", run.Out, StringComparison.Ordinal);
        Assert.Contains("result: ok: there is no thread to run and 1 final check held", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAndCheck_FailingFinalCheckAlone_BothReportTheFinding()
    {
        var run = CliRun.Of("run", Input("no-thread-expect-fails.ipl"));
        var check = CliRun.Of("check", Input("no-thread-expect-fails.ipl"), "--runs", "5");

        Assert.Equal(1, run.Exit);
        Assert.Equal(1, check.Exit);
        Assert.Contains("final check `1 == 2` (line 2) failed: one is not two", run.Out, StringComparison.Ordinal);
        Assert.Contains("FOUND final check failed in 5 of 5 runs", check.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-thread-declarations.ipl")]
    [InlineData("no-thread-process-without-threads.ipl")]
    [InlineData("no-thread-comments.ipl")]
    public void RunAndCheck_NoThread_AgreeOnOkAndSaySo(string name)
    {
        var run = CliRun.Of("run", Input(name));
        var check = CliRun.Of("check", Input(name), "--runs", "5");

        Assert.Equal(0, run.Exit);
        Assert.Equal(0, check.Exit);
        Assert.Contains("the program declares no thread", run.Out, StringComparison.Ordinal);
        Assert.Contains("note: the program declares no thread", check.Out, StringComparison.Ordinal);
    }
}
