using IpcLab.Core.Runtime;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>Bugs found by the property tests and the reviews, each pinned by the smallest case.</summary>
public sealed class KernelRegressionTests
{
    [Fact]
    public void Describe_WaitWithMutexDeclaredAfterCondition_NamesTheMutex()
    {
        var kernel = KernelTestKit.NewKernel("cond c\nmutex m\n\nthread w:\n    lock m\n    wait c, m\n    unlock m\n");
        kernel.Step(0);
        kernel.Step(0);

        var texts = kernel.Events.Select(e => EventText.Describe(e, kernel.Program, kernel.Strings)).ToArray();

        Assert.Contains("w waits on c: joins its queue and releases m, in one step", texts);
    }

    [Fact]
    public void Restore_SnapshotFromAbandonedBranch_Throws()
    {
        var kernel = KernelTestKit.NewKernel("thread a:\n    pass\n    pass\nthread b:\n    pass\n    pass\n");
        var start = kernel.Snapshot();
        kernel.Step(0);
        kernel.Step(0);
        var afterA = kernel.Snapshot();
        kernel.Restore(start);
        kernel.Step(1);
        kernel.Step(1);

        var error = Assert.Throws<InvalidOperationException>(() => kernel.Restore(afterA));

        Assert.Contains("not from this run's history", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_SnapshotAfterStepBackAndRedo_StaysValid()
    {
        var kernel = KernelTestKit.NewKernel("thread a:\n    pass\n    pass\n    pass\n");
        var start = kernel.Snapshot();
        kernel.Step(0);
        kernel.Step(0);
        var two = kernel.Snapshot();
        kernel.Restore(start);
        kernel.Step(0);
        kernel.Step(0);
        kernel.Step(0);

        kernel.Restore(two);

        Assert.Equal(2, kernel.StepCount);
    }

    [Fact]
    public void Step_ChooserPicksANonWaiter_IsRejected()
    {
        var kernel = KernelTestKit.NewKernel("mutex m\ncond c\nthread w * 2:\n    lock m\n    wait c, m\n    unlock m\nthread s:\n    lock m\n    signal c\n    unlock m\n");
        foreach (var t in new[] { 0, 0, 1, 1, 2 })
        {
            kernel.Step(t);
        }

        var error = Assert.Throws<InvalidOperationException>(() => kernel.Step(2, new PickSelf()));

        Assert.Contains("does not wait on c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_IntegerOverflow_FaultsTheThread()
    {
        var kernel = KernelTestKit.NewKernel("thread t:\n    x = 9223372036854775807\n    x = x + 1\n");
        kernel.Step(0);
        kernel.Step(0);

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Contains("integer overflow", kernel.FaultOf(0), StringComparison.Ordinal);
        Assert.Equal(FindingKind.Fault, Assert.Single(kernel.Findings).Kind);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("%")]
    public void Step_MinValueDividedByMinusOne_FaultsTheThread(string op)
    {
        var kernel = KernelTestKit.NewKernel($"thread t:\n    x = -9223372036854775807 - 1\n    y = x {op} -1\n");
        kernel.Step(0);
        kernel.Step(0);

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Contains("integer overflow", kernel.FaultOf(0), StringComparison.Ordinal);
    }

    private sealed class PickSelf : IWaiterChooser
    {
        public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) => 2;
    }
}
