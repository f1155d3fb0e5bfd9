using IpcLab.Core.Runtime;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// Counts that reach 2^63 - 1: a semaphore that cannot count one more unit faults the thread that
/// posts it; a `for` loop whose last value is 2^63 - 1 ends after it instead of wrapping around.
/// </summary>
public sealed class NumberLimitTests
{
    private const long Max = long.MaxValue;

    [Fact]
    public void V_SemaphoreAtTheLargestCount_FaultsTheThreadAndKeepsTheCount()
    {
        var kernel = KernelTestKit.NewKernel($"semaphore s = {Max}\nthread t:\n    V s\n");

        KernelTestKit.StepAll(kernel, "t");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Equal($"posts s, whose count is already {Max}: one more unit does not fit in 64 bits (integer overflow)", kernel.FaultOf(0));
        Assert.Equal(Max, kernel.SemaphoreCount(KernelTestKit.ObjectId(kernel, "s")));
    }

    [Fact]
    public void V_CountReachesTheLargestNumber_CountsItThenFaultsOnTheNext()
    {
        var kernel = KernelTestKit.NewKernel($"semaphore s = {Max - 1}\nthread t:\n    V s\n    V s\n");

        KernelTestKit.StepAll(kernel, "t", "t");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Contains("t adds a unit to s (count now 9223372036854775807)", KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void ForNext_LastValueIsTheLargestNumber_EndsAfterItWithoutWrapping()
    {
        var kernel = KernelTestKit.NewKernel($"shared n = 0\nthread t:\n    for i in {Max - 1}..{Max}:\n        n += 1\n    print i\nexpect n == 2\n");

        var result = KernelTestKit.Drive(kernel, new Scheduling.RoundRobinScheduler());

        Assert.Empty(result.Findings);
        Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(0));
        Assert.Contains($"t leaves the loop `for i in {Max - 1}..{Max}`", KernelTestKit.Sentences(kernel));
        Assert.Contains($"t prints: {Max}", KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void ForNext_BodySetsTheVariableToTheLargestNumber_EndsTheLoop()
    {
        var kernel = KernelTestKit.NewKernel($"thread t:\n    for i in 1..5:\n        i = {Max}\n    print i\n");

        var result = KernelTestKit.Drive(kernel, new Scheduling.RoundRobinScheduler());

        Assert.Empty(result.Findings);
        Assert.Equal(4, kernel.StepCount);
        Assert.Contains($"t prints: {Max}", KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void ForNext_OrdinaryLoop_LeavesTheVariableOnePastTheEnd()
    {
        var kernel = KernelTestKit.NewKernel("thread t:\n    for i in 1..3:\n        pass\n    print i\n");

        KernelTestKit.Drive(kernel, new Scheduling.RoundRobinScheduler());

        Assert.Contains("t prints: 4", KernelTestKit.Sentences(kernel));
    }
}
