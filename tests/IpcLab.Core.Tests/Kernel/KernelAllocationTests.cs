using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Tests.KernelTests;

public class KernelAllocationTests
{
    // Four threads fight over one mutex, so most lock steps block and walk the wait-for chain.
    private const string BoundedBufferTemplate = """
        queue buffer capacity 2
        mutex m
        cond notFull, notEmpty

        thread producer * 2:
            for i in 1..ITEMS:
                lock m
                while full(buffer):
                    wait notFull, m
                put buffer, i
                signal notEmpty
                unlock m

        thread consumer * 2:
            repeat ITEMS:
                lock m
                while empty(buffer):
                    wait notEmpty, m
                take buffer -> job
                signal notFull
                unlock m
        """;

    [Fact]
    public void Step_BoundedBufferWithoutEvents_AllocatesNothingPerStep()
    {
        var (shortSteps, shortBytes, shortBlocks) = StepAllocations(items: 300);
        var (longSteps, longBytes, _) = StepAllocations(items: 600);

        // What a run allocates at all (a thread or a process ending) must not grow with its length.
        Assert.True(shortBlocks > 50, $"only {shortBlocks} lock steps blocked: the run does not exercise the wait-for walk");
        Assert.True(longSteps > shortSteps * 3 / 2, $"{longSteps} steps against {shortSteps}");
        Assert.True(shortBytes == longBytes, $"{shortSteps} steps allocated {shortBytes} bytes, {longSteps} steps {longBytes}");
    }

    private static (long Steps, long Bytes, int Blocks) StepAllocations(int items)
    {
        // Without invariant checks (they format text): the setting of the explorer and the benchmarks.
        var program = KernelTestKit.Compile(BoundedBufferTemplate.Replace("ITEMS", items.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var kernel = new Kernel(program, new KernelOptions { RecordEvents = false, RecordSchedule = false, CheckInvariants = false });
        Runner.Run(kernel, new RandomScheduler(7)); // the first run fills the caches and the JIT's tiers
        kernel.Reset();

        var scheduler = new RandomScheduler(7);
        Span<int> runnable = stackalloc int[kernel.Layout.ThreadCount];
        var blocks = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = kernel.CollectRunnable(runnable); n > 0; n = kernel.CollectRunnable(runnable))
        {
            var thread = scheduler.ChooseThread(kernel, runnable[..n]);
            kernel.Step(thread, scheduler);
            blocks += kernel.StatusOf(thread) == ThreadStatus.Blocked ? 1 : 0;
        }

        return (kernel.StepCount, GC.GetAllocatedBytesForCurrentThread() - before, blocks);
    }
}
