using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Checking;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Checking;

/// <summary>
/// A lost acknowledgement over generated schedules and points: it is one step of the producer
/// that appends a retrying producer's record twice and an idempotent producer's once, and keeps
/// every kernel invariant (checked after every step).
/// </summary>
public sealed class LostAckProperties
{
    private static string Script(int partitions, bool idempotent, bool keyed) => $$"""
        topic t partitions {{partitions}} retain 16 producers {{(idempotent ? "idempotent" : "retrying")}}
        consumers g on t
        thread shop * 2:
            for i in 1..3:
                produce t, {{(keyed ? "\"k{i}\", " : "")}}"{self}.{i}"
        thread reader:
            subscribe g
            repeat 4:
                poll g -> v
        """;

    private static Arbitrary<(int Partitions, bool Keyed, int Seed, int Point)> Runs =>
        (from partitions in Gen.Choose(1, 3)
         from keyed in ArbMap.Default.GeneratorFor<bool>()
         from seed in Gen.Choose(1, 100_000)
         from point in Gen.Choose(0, 5)
         select (partitions, keyed, seed, point)).ToArbitrary();

    private static (Kernel Kernel, InjectedCrash? Lost) Run((int Partitions, bool Keyed, int Seed, int Point) run, bool idempotent)
    {
        var kernel = KernelTestKit.NewKernel(Script(run.Partitions, idempotent, run.Keyed));
        var (_, crash) = CrashingRun.Run(kernel, new RandomScheduler((ulong)run.Seed, false), run.Point);
        return (kernel, crash);
    }

    private static long[] Values(Kernel kernel) =>
        [.. kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t")).SelectMany(p => p.Records).Select(r => r.Value)];

    [Fact]
    public void LostAck_RetryingProducer_TheRecordIsInItsPartitionTwice()
    {
        Prop.ForAll(Runs, run =>
        {
            var (kernel, lost) = Run(run, idempotent: false);
            var values = Values(kernel);

            Assert.Equal(CrashMoment.AckLost, lost!.Moment);
            Assert.Equal(7, values.Length);
            Assert.Single(values.GroupBy(v => v), g => g.Count() == 2);
            Assert.Single(kernel.Schedule, e => e.Kind == ScheduleEntryKind.LostAck && e.Thread == lost.Thread);
        }).Check(KernelTestKit.Config(100));
    }

    [Fact]
    public void LostAck_IdempotentProducer_EveryRecordOnceAndTheRetryAcknowledged()
    {
        Prop.ForAll(Runs, run =>
        {
            var (kernel, lost) = Run(run, idempotent: true);
            var values = Values(kernel);

            Assert.Equal(CrashMoment.AckLost, lost!.Moment);
            Assert.Equal(6, values.Length);
            Assert.Equal(6, values.Distinct().Count());
            Assert.Single(kernel.Events, e => e.Kind == EventKind.RetryDeduplicated && e.Thread == lost.Thread);
        }).Check(KernelTestKit.Config(100));
    }
}
