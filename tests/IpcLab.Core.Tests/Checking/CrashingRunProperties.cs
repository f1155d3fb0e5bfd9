using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Checking;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Checking;

/// <summary>
/// Over any seed and any crash point: commit-after never loses a job, commit-before never
/// handles one twice, and the crashed run replays from its schedule to the same handled jobs.
/// </summary>
public sealed class CrashingRunProperties
{
    private static readonly Lazy<Model.CompiledProgram> _before = new(() => KernelTestKit.CompileLesson("guarantee-log-commit-before.ipl"));
    private static readonly Lazy<Model.CompiledProgram> _after = new(() => KernelTestKit.CompileLesson("guarantee-log-commit-after.ipl"));

    private static Arbitrary<(ulong Seed, int Point)> Runs =>
        (from seed in Gen.Choose(1, 100_000)
         from point in Gen.Choose(0, 40)
         select ((ulong)seed, point)).ToArbitrary();

    private static (MessageTally Reference, MessageTally Crashed, Kernel Kernel) Run(Model.CompiledProgram program, (ulong Seed, int Point) run)
    {
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = 10_000, CheckInvariants = true });
        CrashingRun.Run(kernel, new Scheduling.RandomScheduler(run.Seed, false), -1);
        var reference = MessageTally.Of(kernel.Events);
        kernel.Reset();
        CrashingRun.Run(kernel, new Scheduling.RandomScheduler(run.Seed, false), run.Point);
        return (reference, MessageTally.Of(kernel.Events), kernel);
    }

    [Fact]
    public void CommitAfter_AnySeedAndCrashPoint_NoJobIsLost()
    {
        Prop.ForAll(Runs, run =>
        {
            var (reference, crashed, _) = Run(_after.Value, run);
            Assert.Empty(crashed.Lost(reference.HandledMessages.ToHashSet()));
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void CommitBefore_AnySeedAndCrashPoint_NoJobIsHandledTwice()
    {
        Prop.ForAll(Runs, run =>
        {
            var (_, crashed, _) = Run(_before.Value, run);
            Assert.Empty(crashed.Duplicated);
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void CrashedRun_AnySeedAndCrashPoint_ReplaysToTheSameHandledJobs()
    {
        Prop.ForAll(Runs, run =>
        {
            var (_, crashed, kernel) = Run(_after.Value, run);
            var replay = new Kernel(_after.Value, new KernelOptions { MaxSteps = 10_000 });
            Scheduling.Runner.Replay(replay, kernel.Schedule.ToArray());

            Assert.Equal(
                kernel.Events.Where(e => e.Kind == EventKind.Handled).Select(e => kernel.Strings[e.Value]),
                replay.Events.Where(e => e.Kind == EventKind.Handled).Select(e => replay.Strings[e.Value]));
            Assert.Equal(crashed.Duplicated.Count, MessageTally.Of(replay.Events).Duplicated.Count);
        }).Check(KernelTestKit.Config(100));
    }
}
