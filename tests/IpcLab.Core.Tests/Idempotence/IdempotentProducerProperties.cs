using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Checking;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Idempotence;

/// <summary>
/// The idempotent producer over generated programs and schedules: producers retry some of their
/// sends (a lost acknowledgement), with or without keys; with idempotence no record appears twice
/// in a partition and every send is in the log once; without it every retry is one record more.
/// </summary>
public sealed class IdempotentProducerProperties
{
    private static readonly string[] _keys = ["a", "b", "ab"];

    private static string Script(int partitions, int producers, bool[] retries, byte[] keys, bool idempotent)
    {
        var sb = new StringBuilder($"topic t partitions {partitions} retain 16{(idempotent ? " producers idempotent" : "")}\nconsumers g on t\n");
        for (var p = 1; p <= producers; p++)
        {
            sb.Append($"thread producer{p}:\n");
            for (var i = 1; i <= 3; i++)
            {
                var at = ((p - 1) * 3) + i - 1;
                var key = keys.ElementAtOrDefault(at) % 4;
                sb.Append(key == 3 ? $"    produce t, \"p{p}.{i}\"\n" : $"    produce t, \"{_keys[key]}\", \"p{p}.{i}\"\n");
                if (retries.ElementAtOrDefault(at))
                {
                    sb.Append("    retry t\n");
                }
            }
        }

        return sb.Append("thread reader:\n    subscribe g\n    repeat 3:\n        poll g -> v\n").ToString();
    }

    private static Arbitrary<(int Partitions, int Producers, bool[] Retries, byte[] Keys, int[] Choices)> Programs =>
        (from partitions in Gen.Choose(1, 3)
         from producers in Gen.Choose(1, 3)
         from retries in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), 9)
         from keys in ArbMap.Default.GeneratorFor<byte[]>()
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, producers, retries, keys, choices)).ToArbitrary();

    private static (Kernel Kernel, int Retries) Run((int Partitions, int Producers, bool[] Retries, byte[] Keys, int[] Choices) run, bool idempotent)
    {
        var kernel = KernelTestKit.NewKernel(Script(run.Partitions, run.Producers, run.Retries, run.Keys, idempotent));
        KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []));
        return (kernel, run.Retries.Take(run.Producers * 3).Count(r => r));
    }

    [Fact]
    public void IdempotentProducer_AnyProgramAndScheduleWithRetries_NoRecordTwiceInAPartition()
    {
        Prop.ForAll(Programs, run =>
        {
            var (kernel, retries) = Run(run, idempotent: true);
            var partitions = kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t"));

            Assert.All(partitions, p => Assert.Equal(p.Records.Length, p.Records.Select(r => r.Value).Distinct().Count()));
            Assert.Equal(run.Producers * 3, partitions.Sum(p => p.Records.Length));
            Assert.Equal(retries, kernel.Events.Count(e => e.Kind == EventKind.RetryDeduplicated));
            Assert.All(partitions, p => Assert.All(p.Records.GroupBy(r => r.Producer), g => Assert.Equal(Enumerable.Range(0, g.Count()).Select(i => (long)i), g.Select(r => r.Sequence))));
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void PlainProducer_AnyProgramAndScheduleWithRetries_EachRetryIsOneRecordMore()
    {
        Prop.ForAll(Programs, run =>
        {
            var (kernel, retries) = Run(run, idempotent: false);
            var partitions = kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t"));

            Assert.Equal((run.Producers * 3) + retries, partitions.Sum(p => p.Records.Length));
            Assert.Equal(retries, partitions.Sum(p => p.Records.Length - p.Records.Select(r => r.Value).Distinct().Count()));
        }).Check(KernelTestKit.Config(150));
    }

    /// <summary>Both halves of effectively once: the exactly-once workers, fed by an idempotent producer that retries every job, under the checker's crashes.</summary>
    [Fact]
    public void IdempotentProducerAndConsumer_AnySeedAndCrashPoint_NoJobLostOrHandledTwice()
    {
        var text = KernelTestKit.LessonText("guarantee-exactly-once.ipl")
            .Replace("topic jobs retain 8", "topic jobs retain 16 producers idempotent", StringComparison.Ordinal)
            .Replace("        produce jobs, \"job {i}\"\n", "        produce jobs, \"job {i}\"\n        retry jobs\n", StringComparison.Ordinal);
        var program = KernelTestKit.Compile(text);
        Assert.Contains(program.Threads.SelectMany(t => t.Code), i => i.Op == Model.OpCode.ProduceRetry);

        Prop.ForAll(
            (from seed in Gen.Choose(1, 100_000) from point in Gen.Choose(0, 60) select ((ulong)seed, point)).ToArbitrary(),
            run =>
            {
                var kernel = new Kernel(program, new KernelOptions { MaxSteps = 10_000, CheckInvariants = true });
                CrashingRun.Run(kernel, new Scheduling.RandomScheduler(run.Item1, false), -1);
                var judged = MessageTally.Of(kernel.Events).HandledMessages.ToHashSet();
                kernel.Reset();
                CrashingRun.Run(kernel, new Scheduling.RandomScheduler(run.Item1, false), run.Item2);
                var crashed = MessageTally.Of(kernel.Events);

                Assert.Equal(4, judged.Count);
                Assert.Empty(crashed.Lost(judged));
                Assert.Empty(crashed.Duplicated);
            }).Check(KernelTestKit.Config(150));
    }
}
