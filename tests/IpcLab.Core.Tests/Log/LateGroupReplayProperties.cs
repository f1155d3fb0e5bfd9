using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>
/// A new consumer group replays everything retained. Producers append keyed and unkeyed records
/// to a topic that keeps <c>retain</c> records a partition (optionally compacting), while an early
/// group reads along; once every producer is done, a latecomer subscribes to a group of its own
/// and polls until nothing is left. What the model promises, stated exactly: the late group has
/// nothing committed, so each partition starts at its log start (auto.offset.reset=earliest), and
/// the latecomer reads, per partition, in offset order, with no gap and no duplicate, exactly the
/// records retained when it subscribed: the last <c>retain</c> appended (retention by count
/// deletes only the oldest). With compaction, of those only the records without a key and, for
/// each key, its latest record: compaction here runs as the newer record of a key is appended,
/// not later in the background, so nothing it would remove is left for a reader to see.
/// </summary>
public sealed class LateGroupReplayProperties
{
    private static readonly string?[] _keys = ["a", "b", "c", null];

    private static string Script((int Partitions, int Retain, bool Compact, int Producers, byte[] Records, byte[] Keys, int Early, int[] Choices) run)
    {
        var sb = new StringBuilder($"topic t partitions {run.Partitions} retain {run.Retain}{(run.Compact ? " cleanup compact" : "")}\n");
        sb.Append("consumers early on t\nconsumers late on t\nsemaphore produced\n");
        for (var p = 1; p <= run.Producers; p++)
        {
            sb.Append($"thread producer{p}:\n");
            for (var i = 1; i <= run.Records.ElementAtOrDefault(p) % 6; i++)
            {
                var key = _keys[run.Keys.ElementAtOrDefault((p * 6) + i) % _keys.Length];
                sb.Append(key is null ? $"    produce t, \"producer{p}.{i}\"\n" : $"    produce t, \"{key}\", \"producer{p}.{i}\"\n");
            }

            sb.Append("    V produced\n");
        }

        if (run.Early > 0)
        {
            sb.Append($"thread early * {run.Early}:\n    subscribe early\n    while true:\n        poll early -> v\n        commit early\n");
        }

        sb.Append("thread latecomer:\n").Append(string.Concat(Enumerable.Repeat("    P produced\n", run.Producers)));
        sb.Append("    subscribe late\n    while true:\n        poll late -> v, key, partition, offset\n        print \"{partition} {offset} {v}\"\n");
        return sb.ToString();
    }

    private static Arbitrary<(int Partitions, int Retain, bool Compact, int Producers, byte[] Records, byte[] Keys, int Early, int[] Choices)> Runs =>
        (from partitions in Gen.Choose(1, 3)
         from retain in Gen.Choose(1, 5)
         from compact in Gen.Elements(false, true)
         from producers in Gen.Choose(1, 3)
         from records in ArbMap.Default.GeneratorFor<byte[]>()
         from keys in ArbMap.Default.GeneratorFor<byte[]>()
         from early in Gen.Choose(0, 2)
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, retain, compact, producers, records, keys, early, choices)).ToArbitrary();

    [Fact]
    public void Subscribe_NewGroupAfterRetentionAndCompaction_ReadsExactlyTheRecordsRetainedFromEachLogStart()
    {
        var deleted = 0;
        var compacted = 0;
        Prop.ForAll(Runs, run =>
        {
            var kernel = KernelTestKit.NewKernel(Script(run));
            var (t, late) = (KernelTestKit.ObjectId(kernel, "t"), KernelTestKit.ObjectId(kernel, "late"));
            LogPartition[]? atSubscribe = null;
            KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []), k =>
            {
                if (atSubscribe is null && k.ConsumerGroupGeneration(late) == 1)
                {
                    atSubscribe = k.TopicPartitions(t);
                }
            });

            Assert.NotNull(atSubscribe);
            var joined = kernel.Events.Single(e => e.Kind == EventKind.ConsumerJoined && e.Object == late);
            var appended = kernel.Events.Where(e => e.Kind == EventKind.RecordAppended).ToArray();
            Assert.All(appended, e => Assert.True(e.Step < joined.Step, "a record was appended after the latecomer subscribed"));
            var latecomer = KernelTestKit.ThreadId(kernel, "latecomer");
            var read = kernel.Events.Where(e => e.Kind == EventKind.Printed && e.Thread == latecomer).Select(e => kernel.Strings[e.Value]).ToArray();
            for (var p = 0; p < run.Partitions; p++)
            {
                var expected = Retained(kernel, appended, p, run.Retain, run.Compact);
                var start = appended.Count(e => LogFields.Partition(e) == p) is var end && end > run.Retain ? end - run.Retain : 0;

                // The model agrees with the kernel's log as it was when the latecomer subscribed ...
                Assert.Equal(start, atSubscribe![p].Start);
                Assert.Equal(expected, atSubscribe[p].Records.Where(r => !r.Compacted).Select(r => $"{p} {r.Offset} {kernel.Strings[r.Value]}"));

                // ... the group started the partition at its log start, and read exactly those records, in order.
                var moved = kernel.Events.Single(e => e.Kind == EventKind.PartitionMoved && e.Object == late && LogFields.Partition(e) == p && e.Step == joined.Step);
                Assert.Equal(start, LogFields.Offset(moved));
                Assert.Equal(expected, read.Where(line => line.StartsWith($"{p} ", StringComparison.Ordinal)));
                deleted += start > 0 ? 1 : 0;
                compacted += atSubscribe[p].Records.Count(r => r.Compacted);
            }
        }).Check(KernelTestKit.Config(200));

        // The runs are about something: retention had deleted records, and compaction removed some, before the latecomer came.
        Assert.True(deleted > 0 && compacted > 0, $"partitions with deleted records: {deleted}, compacted records: {compacted}");
    }

    /// <summary>"1 4 producer2.3": partition p's records among the last <paramref name="retain"/> appended to it, without those a newer record of their key replaced when the topic compacts.</summary>
    private static List<string> Retained(Kernel kernel, KernelEvent[] appended, int p, int retain, bool compact)
    {
        var records = appended.Where(e => LogFields.Partition(e) == p).ToArray();
        var latestOfKey = records.Where(e => LogFields.Key(e) >= 0).GroupBy(e => LogFields.Key(e)).ToDictionary(g => g.Key, g => g.Max(e => LogFields.Offset(e)));
        return records
            .Skip(Math.Max(0, records.Length - retain))
            .Where(e => !compact || LogFields.Key(e) < 0 || latestOfKey[LogFields.Key(e)] == LogFields.Offset(e))
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{p} {LogFields.Offset(e)} {kernel.Strings[e.Value]}"))
            .ToList();
    }
}
