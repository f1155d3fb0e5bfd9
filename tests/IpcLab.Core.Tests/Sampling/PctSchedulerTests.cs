using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.Sampling;

/// <summary>PCT's promise: the highest-priority thread runs, and only d - 1 change points (and threads ending) hand the processor over.</summary>
public sealed class PctSchedulerTests
{
    // Four threads that never block: every hand-over is PCT's own doing or a thread's end.
    private static readonly Lazy<Model.CompiledProgram> _independent = new(() => KernelTestKit.Compile("""
        shared a = 0
        shared b = 0
        shared c = 0
        shared d = 0

        thread one:
            repeat 5:
                a = a + 1

        thread two:
            repeat 5:
                b = b + 1

        thread three:
            repeat 5:
                c = c + 1

        thread four:
            repeat 5:
                d = d + 1
        """));

    private static Arbitrary<(ulong Seed, int Depth)> Runs =>
        (from seed in Gen.Choose(1, 1_000_000)
         from depth in Gen.Choose(1, 6)
         select ((ulong)seed, depth)).ToArbitrary();

    [Fact]
    public void ChooseThread_ThreadsThatNeverBlock_SwitchOnlyAtAnEndOrAChangePoint()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = KernelTestKit.NewKernel(_independent.Value);
            var length = Runner.Run(KernelTestKit.NewKernel(_independent.Value), new RoundRobinScheduler()).Steps;

            Runner.Run(kernel, new PctScheduler(run.Seed, threads: 4, run.Depth, length));

            var switches = kernel.Schedule.Zip(kernel.Schedule.Skip(1)).Count(pair => pair.First.Thread != pair.Second.Thread);
            Assert.InRange(switches, 3, 3 + (run.Depth - 1));
        }).Check(KernelTestKit.Config(100));
    }

    [Fact]
    public void ChooseThread_DepthOne_RunsEachThreadToItsEndInOnePriorityOrder()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = KernelTestKit.NewKernel(_independent.Value);

            Runner.Run(kernel, new PctScheduler(run.Seed, threads: 4, depth: 1, expectedSteps: 60));

            var order = kernel.Schedule.Select(e => e.Thread).Distinct().ToArray();
            Assert.Equal(4, order.Length);
            Assert.Equal(kernel.Schedule.Select(e => e.Thread), order.SelectMany(t => Enumerable.Repeat(t, kernel.Schedule.Count(e => e.Thread == t))));
        }).Check(KernelTestKit.Config(50));
    }

    [Fact]
    public void ChooseThread_SpinnerAboveTheThreadItWaitsFor_StillEndsWithinTheBudget()
    {
        var program = KernelTestKit.Compile("""
            shared flag = 0

            thread spinner:
                while flag == 0:
                    pass

            thread setter:
                flag = 1
            """);
        Prop.ForAll(Runs, run =>
        {
            var kernel = KernelTestKit.NewKernel(program, KernelTestKit.Options with { MaxSteps = 10_000 });

            var result = Runner.Run(kernel, new PctScheduler(run.Seed, threads: 2, run.Depth, expectedSteps: 5));

            Assert.Equal(RunOutcome.Completed, result.Outcome);
        }).Check(KernelTestKit.Config(100));
    }
}
