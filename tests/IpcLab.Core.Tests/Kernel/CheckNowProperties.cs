using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>Kernel.CheckNow: the final checks read before the end agree with the end, and reading them changes nothing.</summary>
public sealed class CheckNowProperties
{
    private static readonly string[] _lessons = ["lost-update.ipl", "bounded-buffer-if.ipl", "shm-race.ipl", "delivery-patterns.ipl", "socket-echo.ipl"];

    [Fact]
    public void CheckNow_AtTheEndOfAnyRandomRun_SaysWhatTheFinalCheckSaid()
    {
        foreach (var lesson in _lessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), seed =>
            {
                var kernel = KernelTestKit.NewKernel(program);
                Runner.Run(kernel, new RandomScheduler(seed, randomWaiters: true));
                if (kernel.Events.Any(e => e.Kind is EventKind.Deadlock or EventKind.BudgetExhausted))
                {
                    return;
                }

                for (var i = 0; i < program.Expectations.Count; i++)
                {
                    var held = kernel.Events.Any(e => e.Kind == EventKind.ExpectHeld && e.Object == i);
                    Assert.Equal(held, kernel.CheckNow(i).Held);
                }
            }).Check(KernelTestKit.Config(60));
        }
    }

    [Fact]
    public void CheckNow_AtEveryStepOfAnyRun_LeavesTheStateAndTheRunAsTheyWere()
    {
        foreach (var lesson in _lessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), seed =>
            {
                var plain = KernelTestKit.NewKernel(program);
                Runner.Run(plain, new RandomScheduler(seed, randomWaiters: false));

                var read = KernelTestKit.NewKernel(program);
                var schedule = plain.Schedule.ToArray();
                for (var step = 0; step < schedule.Length; step++)
                {
                    var before = read.StateHash();
                    for (var i = 0; i < program.Expectations.Count; i++)
                    {
                        read.CheckNow(i);
                    }

                    Assert.Equal(before, read.StateHash());
                    read.Apply(schedule[step]);
                }

                read.Conclude();

                Assert.Equal(plain.StateHash(), read.StateHash());
                Assert.Equal(plain.Events.Select(e => EventText.Describe(e, program, plain.Strings)), read.Events.Select(e => EventText.Describe(e, program, read.Strings)));
            }).Check(KernelTestKit.Config(40));
        }
    }

    [Fact]
    public void CheckNow_LostUpdateAtStart_IsFalseWithNoError()
    {
        var kernel = KernelTestKit.NewKernel(KernelTestKit.CompileLesson("lost-update.ipl"));

        Assert.Equal((false, null), kernel.CheckNow(0));
    }
}
