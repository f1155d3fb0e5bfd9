using IpcLab.Core.Explore;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Checking;

/// <summary>The check's progress and cancellation, for a UI that runs it away from its own thread.</summary>
public sealed class CheckerProgressTests
{
    [Fact]
    public void Check_WithProgress_IsToldEveryRunInOrder()
    {
        var told = new List<int>();

        var report = Checker.Check(KernelTestKit.CompileLesson("lost-update.ipl"), new CheckOptions { Runs = 20, Progress = told.Add });

        Assert.Equal(Enumerable.Range(0, 20), told);
        Assert.Equal(20, report.Runs);
    }

    [Fact]
    public void Check_CancelledAfterFiveRuns_StopsBeforeTheSixth()
    {
        using var cancel = new CancellationTokenSource();
        var told = new List<int>();
        var options = new CheckOptions
        {
            Runs = 100,
            Cancellation = cancel.Token,
            Progress = done =>
            {
                told.Add(done);
                if (done == 5)
                {
                    cancel.Cancel();
                }
            },
        };

        Assert.Throws<OperationCanceledException>(() => Checker.Check(KernelTestKit.CompileLesson("lost-update.ipl"), options));
        Assert.Equal(5, told[^1]);
    }
}
