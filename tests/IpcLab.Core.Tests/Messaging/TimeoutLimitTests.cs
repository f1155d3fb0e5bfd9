using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

/// <summary>
/// Timeouts near 2^63: a deadline that does not fit in 64 bits is the program's overflow, so the
/// thread faults with a clear message; the clock itself stops at its last value instead of wrapping.
/// </summary>
public sealed class TimeoutLimitTests
{
    private const long Max = long.MaxValue;

    [Fact]
    public void TimedReceive_TimeoutPastTheEndOfTheClock_FaultsTheThread()
    {
        var kernel = KernelTestKit.NewKernel($"mqueue q capacity 1\nthread t:\n    timedreceive q, {Max} -> x, ok\n");

        KernelTestKit.StepAll(kernel, "t");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Equal($"waits on q with a timeout of {Max} steps: its deadline (step 0 + 1 + {Max}) does not fit in 64 bits (integer overflow)", kernel.FaultOf(0));
    }

    [Fact]
    public void TimedSend_TimeoutPastTheEndOfTheClock_FaultsTheThread()
    {
        var kernel = KernelTestKit.NewKernel($"mqueue q capacity 1\nthread t:\n    send q, 1\n    timedsend q, 2, {Max} -> ok\n");

        KernelTestKit.StepAll(kernel, "t", "t");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Equal($"sends to q with a timeout of {Max} steps: its deadline (step 1 + 1 + {Max}) does not fit in 64 bits (integer overflow)", kernel.FaultOf(0));
        Assert.Equal([(1L, 0L)], kernel.MessageQueueItems(KernelTestKit.ObjectId(kernel, "q")));
    }

    [Fact]
    public void TimedReceive_AfterTheClockJumpedNearItsEnd_FaultsInsteadOfOverflowing()
    {
        var kernel = KernelTestKit.NewKernel($"mqueue q capacity 1\nthread t:\n    timedreceive q, {Max - 10} -> x, ok\n    timedreceive q, 100 -> x, ok\n");

        KernelTestKit.StepAll(kernel, "t");
        Assert.Equal(Max - 9, kernel.Clock);
        KernelTestKit.StepAll(kernel, "t");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Equal($"waits on q with a timeout of 100 steps: its deadline (step {Max - 9} + 1 + 100) does not fit in 64 bits (integer overflow)", kernel.FaultOf(0));
    }

    [Fact]
    public void TimedReceive_DeadlineAtTheLastValueOfTheClock_TimesOutAndTheClockStopsThere()
    {
        var kernel = KernelTestKit.NewKernel($"mqueue q capacity 1\nthread t:\n    timedreceive q, {Max - 1} -> x, ok\n    pass\n    pass\n    timedreceive q, 0 -> x, ok\n");

        KernelTestKit.StepAll(kernel, "t");
        Assert.Equal(Max, kernel.Clock);
        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(0));
        KernelTestKit.StepAll(kernel, "t", "t");
        Assert.Equal(Max, kernel.Clock);
        KernelTestKit.StepAll(kernel, "t");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Contains("does not fit in 64 bits (integer overflow)", kernel.FaultOf(0), StringComparison.Ordinal);
    }
}
