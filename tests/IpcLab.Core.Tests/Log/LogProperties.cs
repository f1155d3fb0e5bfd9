using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>What the log promises under every schedule: dense offsets, one key's order, one owner per partition.</summary>
public sealed class LogProperties
{
    private static readonly string[] _keys = ["a", "b", "c", "ab"];

    /// <summary>A generated program: producers append keyed records ("producer-1.3" = its third), consumers, all subscribed before the starter lets the producers go, print what they read.</summary>
    private static string Script(int partitions, int retain, int producers, int consumers, byte[] keys, bool compact = false)
    {
        var sb = new StringBuilder($"topic t partitions {partitions} retain {retain}{(compact ? " cleanup compact" : "")}\nconsumers g on t\nsemaphore ready, go\n");
        for (var p = 1; p <= producers; p++)
        {
            sb.Append($"thread producer{p}:\n");
            sb.Append("    P go\n");
            for (var i = 1; i <= 3; i++)
            {
                var key = _keys[keys.ElementAtOrDefault((p * 3) + i) % _keys.Length];
                sb.Append($"    produce t, \"{key}\", \"producer{p}.{i}\"\n");
            }
        }

        sb.Append("thread starter:\n").Append(string.Concat(Enumerable.Repeat("    P ready\n", consumers))).Append(string.Concat(Enumerable.Repeat("    V go\n", producers)));
        sb.Append($"thread consumer * {consumers}:\n    subscribe g\n    V ready\n    while true:\n        poll g -> v, key\n        print \"{{key}} {{v}}\"\n");
        return sb.ToString();
    }

    private static Arbitrary<(int Partitions, int Retain, int Producers, int Consumers, byte[] Keys, int[] Choices)> Runs =>
        (from partitions in Gen.Choose(1, 3)
         from retain in Gen.Choose(1, 9)
         from producers in Gen.Choose(1, 3)
         from consumers in Gen.Choose(1, 3)
         from keys in ArbMap.Default.GeneratorFor<byte[]>()
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, retain, producers, consumers, keys, choices)).ToArbitrary();

    [Fact]
    public void Produce_AnySchedule_OffsetsAreDenseAndOneKeysRecordsKeepTheirOrder()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = KernelTestKit.NewKernel(Script(run.Partitions, run.Retain, run.Producers, run.Consumers, run.Keys));
            KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []));
            var appended = kernel.Events.Where(e => e.Kind == EventKind.RecordAppended).ToArray();
            Assert.Equal(run.Producers * 3, appended.Length);
            foreach (var partition in appended.GroupBy(e => LogFields.Partition(e)))
            {
                Assert.Equal(Enumerable.Range(0, partition.Count()).Select(i => (long)i), partition.Select(e => LogFields.Offset(e)));
            }

            foreach (var byKey in appended.GroupBy(e => kernel.Strings[LogFields.Key(e)]))
            {
                Assert.Single(byKey.Select(e => LogFields.Partition(e)).Distinct());
                Assert.Equal(KeyHash.Partition(byKey.Key, run.Partitions), LogFields.Partition(byKey.First()));
                AssertEachProducersOrder(byKey.Select(e => kernel.Strings[e.Value]));
            }

            // A consumer subscribed before the first record and never rebalanced reads each key in order.
            foreach (var byConsumer in kernel.Events.Where(e => e.Kind == EventKind.Printed).GroupBy(e => e.Thread))
            {
                foreach (var byKey in byConsumer.Select(e => kernel.Strings[e.Value].Split(' ')).GroupBy(parts => parts[0]))
                {
                    AssertEachProducersOrder(byKey.Select(parts => parts[1]));
                }
            }
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Produce_CompactingTopicAnySchedule_OnlyTheLatestRecordOfEachKeyIsLeftAndReadersSkipTheRest()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = KernelTestKit.NewKernel(Script(run.Partitions, run.Retain, run.Producers, run.Consumers, run.Keys, compact: true));
            KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []));
            var appended = kernel.Events.Where(e => e.Kind == EventKind.RecordAppended).ToArray();
            var latest = appended.GroupBy(e => LogFields.Key(e)).ToDictionary(g => g.Key, g => g.Last().Value);
            var partitions = kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t"));
            var live = partitions.SelectMany(p => p.Records).Where(r => !r.Compacted).ToArray();
            Assert.All(live, r => Assert.Equal(latest[r.Key], r.Value));
            Assert.Equal(live.Length, live.Select(r => r.Key).Distinct().Count());

            // What a reader gets was never removed by compaction before it read it.
            var compacted = kernel.Events.Where(e => e.Kind == EventKind.RecordCompacted).Select(e => (e.Step, P: LogFields.Partition(e), O: LogFields.Offset(e))).ToArray();
            foreach (var read in kernel.Events.Where(e => e.Kind is EventKind.RecordPolled or EventKind.PollHandedOver))
            {
                Assert.DoesNotContain(compacted, c => c.P == LogFields.Partition(read) && c.O == LogFields.Offset(read) && c.Step < read.Step);
            }
        }).Check(KernelTestKit.Config(150));
    }

    /// <summary>"producer2.1", "producer1.1", "producer2.3": each producer's numbers rise.</summary>
    private static void AssertEachProducersOrder(IEnumerable<string> values)
    {
        foreach (var byProducer in values.GroupBy(v => v[..v.IndexOf('.', StringComparison.Ordinal)]))
        {
            var numbers = byProducer.Select(v => int.Parse(v[(v.IndexOf('.', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.True(numbers.SequenceEqual(numbers.Order()), $"{byProducer.Key}'s records came as {string.Join(", ", numbers)}");
        }
    }

    /// <summary>Members that subscribe, unsubscribe and subscribe again, some in processes that crash.</summary>
    /// <summary>A run of <see cref="Members"/>: its partitions and members, the scheduler's choices, the crashes injected.</summary>
    internal static Gen<(int partitions, int members, int[] choices, int[] injections)> MemberRuns =>
        from partitions in Gen.Choose(1, 5)
        from members in Gen.Choose(1, 4)
        from choices in ArbMap.Default.GeneratorFor<int[]>()
        from injections in ArbMap.Default.GeneratorFor<int[]>()
        select (partitions, members, choices, injections);

    internal static string Members(int partitions, int members) =>
        $"topic t partitions {partitions} retain 2\nconsumers g on t\n"
        + $"process hosts:\n    thread member * {members}:\n        repeat 2:\n            subscribe g\n            pass\n            unsubscribe g\n        subscribe g\n        pass\n"
        + "thread loner:\n    subscribe g\n    pass\n    pass\n    unsubscribe g\n";

    [Fact]
    public void Rebalance_AnyJoinsLeavesAndCrashes_EachPartitionHasExactlyOneLiveMemberInRanges()
    {
        var gen = MemberRuns;
        Prop.ForAll(gen.ToArbitrary(), run =>
        {
            var kernel = KernelTestKit.NewKernel(Members(run.partitions, run.members));
            var g = KernelTestKit.ObjectId(kernel, "g");
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(run.choices, []), run.injections, k =>
            {
                var members = k.ConsumerGroupMembers(g);
                var owners = k.ConsumerGroupPartitions(g).Select(p => p.Owner).ToArray();
                if (members.Length == 0)
                {
                    Assert.All(owners, o => Assert.Equal(-1, o));
                    return;
                }

                Assert.All(members, m => Assert.False(k.HasEnded(m), $"{k.ThreadName(m)} has ended but is a member"));
                Assert.All(owners, o => Assert.Contains(o, members));

                // Range assignment: in thread order, consecutive runs whose sizes differ by at most one.
                var runs = owners.Select((o, p) => (o, p)).GroupBy(x => x.o).Select(x => x.Select(y => y.p).ToArray()).ToArray();
                Assert.All(runs, r => Assert.Equal(Enumerable.Range(r[0], r.Length), r));
                Assert.True(owners.SequenceEqual(owners.Order()), $"owners {string.Join(",", owners)} are not in thread order");
                var sizes = members.Select(m => owners.Count(o => o == m)).ToArray();
                Assert.True(sizes.Max() - sizes.Min() <= 1, $"partitions per member: {string.Join(",", sizes)}");
            });
        }).Check(KernelTestKit.Config(200));
    }
}
