using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Checking;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Idempotence;

/// <summary>
/// Commit after processing plus an idempotent consumer (lessons/guarantee-exactly-once.ipl), over
/// any seed and any crash point the guarantee checker would pick: no job is lost, none is handled
/// twice, and the table of processed ids names exactly the jobs handled.
/// </summary>
public sealed class IdempotentConsumerProperties
{
    private static readonly Lazy<Model.CompiledProgram> _program = new(() => KernelTestKit.CompileLesson("guarantee-exactly-once.ipl"));

    private static Arbitrary<(ulong Seed, int Point)> Runs =>
        (from seed in Gen.Choose(1, 100_000)
         from point in Gen.Choose(0, 40)
         select ((ulong)seed, point)).ToArbitrary();

    [Fact]
    public void CommitAfterAndHandleOnce_AnySeedAndCrashPoint_NoJobLostOrHandledTwice()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = new Kernel(_program.Value, new KernelOptions { MaxSteps = 10_000, CheckInvariants = true });
            CrashingRun.Run(kernel, new Scheduling.RandomScheduler(run.Seed, false), -1);
            var judged = MessageTally.Of(kernel.Events).HandledMessages.ToHashSet();
            kernel.Reset();
            CrashingRun.Run(kernel, new Scheduling.RandomScheduler(run.Seed, false), run.Point);
            var crashed = MessageTally.Of(kernel.Events);

            Assert.Empty(crashed.Lost(judged));
            Assert.Empty(crashed.Duplicated);
            Assert.Equal(crashed.HandledMessages.Order(), kernel.ProcessedIds(KernelTestKit.ObjectId(kernel, "done")).Order());
        }).Check(KernelTestKit.Config(150));
    }
}
