using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary>
/// What replication promises under every schedule with one broker crashed at any step: a reader
/// never reads at or past the high-water mark, the mark never goes back, and with acks(all) and
/// min.insync.replicas 2 no acknowledged record is lost; with acks(1) some crash of the leader
/// loses one.
/// </summary>
public sealed class ReplicationProperties
{
    /// <summary>Producers that send each of their three records until it is acknowledged (a refusal gives offset -1), and a reader in a process of its own.</summary>
    private static string Script(int partitions, int replicas, int minInSync, int producers, string acks)
    {
        var sb = new StringBuilder($"topic t partitions {partitions} retain 16 replicas {replicas} minisr {minInSync}\nconsumers g on t\n");
        sb.Append($"thread producer * {producers}:\n    for i in 1..3:\n        offset = -1\n        while offset < 0:\n            produce t, \"{{self}}.{{i}}\", acks({acks}) -> offset\n");
        sb.Append("process readers:\n    thread reader:\n        subscribe g\n        while true:\n            poll g -> v\n");
        return sb.ToString();
    }

    private static Arbitrary<(int Partitions, int Replicas, int Producers, int CrashAt, int Victim, int[] Choices)> Runs =>
        (from partitions in Gen.Choose(1, 2)
         from replicas in Gen.Choose(2, 3)
         from producers in Gen.Choose(1, 2)
         from crashAt in Gen.Choose(0, 40)
         from victim in Gen.Choose(0, 2)
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, replicas, producers, crashAt, victim, choices)).ToArbitrary();

    /// <summary>Runs the program under the choices, crashing the broker process of replica <paramref name="victim"/> at step <paramref name="crashAt"/>; checks the mark after every step.</summary>
    private static Kernel Run(string script, int crashAt, int victim, int[] choices)
    {
        var kernel = KernelTestKit.NewKernel(script, KernelTestKit.Options with { MaxSteps = 3000 });
        var topic = KernelTestKit.ObjectId(kernel, "t");
        var broker = kernel.Program.Processes.Single(p => p.Name == $"t-{victim + 1}").Id;
        var marks = kernel.TopicReplicas(topic).Select(p => p.HighWaterMark).ToArray();
        var scheduler = new ChoiceScheduler(choices, []);
        var runnable = new int[kernel.Layout.ThreadCount];
        while (kernel.StepCount < kernel.Options.MaxSteps)
        {
            if (kernel.StepCount == crashAt && kernel.WhyCannotCrashProcess(broker) is null)
            {
                kernel.InjectProcessCrash(broker);
            }

            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                break;
            }

            kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            var now = kernel.TopicReplicas(topic);
            foreach (var read in KernelTestKit.EventsOfStep(kernel, kernel.StepCount).Where(e => e.Kind is EventKind.RecordPolled or EventKind.PollHandedOver))
            {
                Assert.True(LogFields.Offset(read) < now[LogFields.Partition(read)].HighWaterMark, $"{KernelTestKit.Describe(kernel, read)}, at or past the high-water mark {now[LogFields.Partition(read)].HighWaterMark}");
            }

            for (var p = 0; p < now.Length; p++)
            {
                Assert.True(now[p].HighWaterMark >= marks[p], $"the high-water mark of partition {p} went back from {marks[p]} to {now[p].HighWaterMark}");
                marks[p] = now[p].HighWaterMark;
            }
        }

        kernel.Conclude();
        return kernel;
    }

    /// <summary>The acknowledged records (partition, offset, value) that the topic's log no longer holds.</summary>
    private static (int Partition, long Offset, string Value)[] AcknowledgedButGone(Kernel kernel)
    {
        var log = kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t"));
        return kernel.Events.Where(e => e.Kind == EventKind.ProduceAcknowledged)
            .Select(e => (Partition: LogFields.Partition(e), Offset: LogFields.Offset(e), Value: kernel.Strings[e.Value]))
            .Where(a => !log[a.Partition].Records.Any(r => r.Offset == a.Offset && kernel.Strings[r.Value] == a.Value))
            .ToArray();
    }

    [Fact]
    public void AcksAll_AnyScheduleAndOneBrokerCrash_NoAcknowledgedRecordIsLost()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Replicas, 2, run.Producers, "all"), run.CrashAt, run.Victim % run.Replicas, run.Choices);

            Assert.Empty(AcknowledgedButGone(kernel));
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void AcksOne_AnyScheduleAndOneBrokerCrash_OnlyALeadersCrashLosesAndOnlyRecordsAboveTheMark()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Replicas, 2, run.Producers, "1"), run.CrashAt, run.Victim % run.Replicas, run.Choices);
            var gone = AcknowledgedButGone(kernel);
            var truncated = kernel.Events.Where(e => e.Kind == EventKind.RecordTruncated).Select(e => (LogFields.Partition(e), LogFields.Offset(e), kernel.Strings[e.Value])).ToArray();

            // What acks(1) loses is exactly what an election truncated: records only the dead leader had.
            Assert.Equal(gone.Order(), truncated.Order());
            Assert.True(gone.Length == 0 || kernel.Events.Any(e => e.Kind == EventKind.LeaderElected), "a record was lost without an election");
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void AcksOne_LeaderCrashesRightAfterSomeProduce_SomeScheduleLosesAnAcknowledgedRecord()
    {
        var losses = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var choices = Enumerable.Range(0, 200).Select(i => (int)((seed * 7919L) + (i * 104729L)) & 0xffff).ToArray();
            var kernel = Run(Script(1, 3, 2, 1, "1"), seed % 12, 0, choices);
            losses += AcknowledgedButGone(kernel).Length;
        }

        Assert.True(losses > 0, "no crash of the leader lost an acks(1) record");
    }
}
