using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary>
/// What replication promises under every schedule in which brokers crash and restart, one at a
/// time: every replica copies offsets densely and in order, the high-water mark never goes back, a
/// follower rejoins the ISR only with its log end at the mark, no reader reads at or past the
/// mark, and with acks(all) and min.insync.replicas 2 no acknowledged record is lost.
/// </summary>
public sealed class ReplicaRestartProperties
{
    /// <summary>Producers that send each of their three records until it is acknowledged (a refusal gives offset -1), and a reader in a process of its own; <paramref name="topicOptions"/> ends the topic's line.</summary>
    internal static string Script(int partitions, int replicas, int producers, string acks, string topicOptions = "")
    {
        var sb = new StringBuilder($"topic t partitions {partitions} retain 16 replicas {replicas} minisr 2{topicOptions}\nconsumers g on t\n");
        sb.Append($"thread producer * {producers}:\n    for i in 1..3:\n        offset = -1\n        while offset < 0:\n            produce t, \"{{self}}.{{i}}\", acks({acks}) -> offset\n");
        sb.Append("process readers:\n    thread reader:\n        subscribe g\n        while true:\n            poll g -> v\n");
        return sb.ToString();
    }

    /// <summary>A run: the topic's shape, the steps at which a broker crashes (when none is down), the victims, the choices.</summary>
    private static Arbitrary<(int Partitions, int Replicas, int Producers, int[] At, int[] Victims, int[] Choices)> Runs =>
        (from partitions in Gen.Choose(1, 2)
         from replicas in Gen.Choose(2, 3)
         from producers in Gen.Choose(1, 2)
         from at in Gen.ArrayOf(Gen.Choose(0, 60), 6)
         from victims in Gen.ArrayOf(Gen.Choose(0, 2), 6)
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, replicas, producers, at.Order().ToArray(), victims, choices)).ToArbitrary();

    /// <summary>Runs the program, crashing one broker at a time at the given steps (each restarts by its own later step), and checks each step's promises.</summary>
    private static Kernel Run(string script, int[] at, int[] victims, int[] choices)
    {
        var kernel = KernelTestKit.NewKernel(script, KernelTestKit.Options with { MaxSteps = 3000 });
        var topic = KernelTestKit.ObjectId(kernel, "t");
        var replicaCount = kernel.TopicReplicas(topic)[0].LogEnds.Length;
        var brokers = Enumerable.Range(1, replicaCount).Select(r => kernel.Program.Processes.Single(p => p.Name == $"t-{r}").Id).ToArray();
        var before = kernel.TopicReplicas(topic);
        var scheduler = new ChoiceScheduler(choices, []);
        var runnable = new int[kernel.Layout.ThreadCount];
        var next = 0;
        while (kernel.StepCount < kernel.Options.MaxSteps)
        {
            if (next < at.Length && kernel.StepCount >= at[next])
            {
                // One broker down at a time: a crashed one restarts by its own step, which the scheduler chooses.
                if (brokers.All(b => kernel.WhyCannotCrashProcess(b) is null))
                {
                    kernel.InjectProcessCrash(brokers[victims[next] % replicaCount]);
                    CheckStep(kernel, topic, before);
                    before = kernel.TopicReplicas(topic);
                }

                next++;
                continue;
            }

            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                break;
            }

            kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            CheckStep(kernel, topic, before);
            before = kernel.TopicReplicas(topic);
        }

        kernel.Conclude();
        return kernel;
    }

    private static void CheckStep(Kernel kernel, int topic, ReplicaPartition[] before)
    {
        var now = kernel.TopicReplicas(topic);
        var log = kernel.TopicPartitions(topic);
        var events = KernelTestKit.EventsOfStep(kernel, kernel.StepCount);
        foreach (var e in events)
        {
            var p = LogFields.Partition(e);
            switch (e.Kind)
            {
                case EventKind.RecordPolled or EventKind.PollHandedOver:
                    Assert.True(LogFields.Offset(e) < now[p].HighWaterMark, $"{KernelTestKit.Describe(kernel, e)}, at or past the high-water mark {now[p].HighWaterMark}");
                    break;
                case EventKind.ReplicaFetched:
                    // Dense and in order: a follower copies the offset at its log end (or the log start, when retention passed it).
                    var r = int.Parse(kernel.ThreadName(e.Thread)["t-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;
                    Assert.Equal(Math.Max(before[p].LogEnds[r], log[p].Start), LogFields.Offset(e));
                    break;
                case EventKind.ReplicaRestarted:
                    // A crashed broker comes back only by its own thread's step.
                    Assert.Equal($"t-{e.Other + 1}", kernel.ThreadName(e.Thread));
                    break;
                case EventKind.ReplicaRejoined:
                    Assert.False(before[p].InSync[e.Other], $"{KernelTestKit.Describe(kernel, e)}, but it was in sync");
                    Assert.True(now[p].LogEnds[e.Other] >= now[p].HighWaterMark, $"{KernelTestKit.Describe(kernel, e)}, below the mark {now[p].HighWaterMark}");
                    break;
            }
        }

        for (var p = 0; p < now.Length; p++)
        {
            Assert.True(now[p].HighWaterMark >= before[p].HighWaterMark, $"the high-water mark of partition {p} went back from {before[p].HighWaterMark} to {now[p].HighWaterMark}");
            for (var r = 0; r < now[p].InSync.Length; r++)
            {
                // Back in the ISR only by a rejoin, or as the last leader of an offline partition.
                var back = !before[p].InSync[r] && now[p].InSync[r];
                Assert.True(!back || events.Any(e => LogFields.Partition(e) == p && e.Other == r && (e.Kind == EventKind.ReplicaRejoined || (e.Kind == EventKind.ReplicaRestarted && e.Value == 1))),
                    $"t-{r + 1} came back into the ISR of partition {p} without a rejoin");
            }
        }
    }

    private static (int Partition, long Offset, string Value)[] AcknowledgedButGone(Kernel kernel)
    {
        var log = kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t"));
        return kernel.Events.Where(e => e.Kind == EventKind.ProduceAcknowledged)
            .Select(e => (Partition: LogFields.Partition(e), Offset: LogFields.Offset(e), Value: kernel.Strings[e.Value]))
            .Where(a => !log[a.Partition].Records.Any(r => r.Offset == a.Offset && kernel.Strings[r.Value] == a.Value))
            .ToArray();
    }

    [Fact]
    public void AcksAll_CrashesAndRestartsOneBrokerAtATime_NoAcknowledgedRecordIsLostAndEveryStepKeepsItsPromises()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Replicas, run.Producers, "all"), run.At, run.Victims, run.Choices);

            Assert.Empty(AcknowledgedButGone(kernel));
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void AcksOne_CrashesAndRestarts_EveryStepKeepsItsPromisesAndLossesAreTruncations()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Replicas, run.Producers, "1"), run.At, run.Victims, run.Choices);
            var truncated = kernel.Events.Where(e => e.Kind == EventKind.RecordTruncated).Select(e => (LogFields.Partition(e), LogFields.Offset(e), kernel.Strings[e.Value])).ToHashSet();

            Assert.All(AcknowledgedButGone(kernel), gone => Assert.Contains(gone, truncated));
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Restarts_SomeScheduleOfCrashesAndRestarts_RejoinsAfterATruncation()
    {
        var rejoinedAfterTruncating = false;
        for (var seed = 0; seed < 60 && !rejoinedAfterTruncating; seed++)
        {
            var choices = Enumerable.Range(0, 300).Select(i => (int)((seed * 7919L) + (i * 104729L)) & 0xffff).ToArray();
            var kernel = Run(Script(1, 3, 1, "1"), [seed % 10, (seed % 10) + 8], [0, 0], choices);
            var kinds = kernel.Events.Select(e => e.Kind).ToList();
            var truncatedAt = kinds.IndexOf(EventKind.ReplicaLogTruncated);
            rejoinedAfterTruncating = truncatedAt >= 0 && kinds.Skip(truncatedAt).Contains(EventKind.ReplicaRejoined);
        }

        Assert.True(rejoinedAfterTruncating, "no schedule made a restarted broker truncate its log and rejoin");
    }
}
