using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>A group's committed offsets move back only by an explicit seek: members that poll, commit and now and then seek to the beginning, joining, leaving and crashing.</summary>
public sealed class CommittedOffsetProperties
{
    private static string Script(int partitions, int members, bool auto) =>
        $"topic t partitions {partitions} retain 4\nconsumers g on t{(auto ? " commit auto" : "")}\n"
        + "thread producer:\n    for i in 1..8:\n        produce t, i\n"
        + $"process hosts:\n    thread member * {members}:\n        subscribe g\n        repeat 4:\n            poll g -> v\n            commit g\n            if v % 3 == 0:\n                seek g, beginning\n        unsubscribe g\n";

    [Fact]
    public void Commit_AnyScheduleJoinsLeavesAndCrashes_ACommittedOffsetGoesBackOnlyAfterItsCommitterSoughtBack()
    {
        var gen = from partitions in Gen.Choose(1, 3)
                  from members in Gen.Choose(1, 3)
                  from auto in Gen.Elements(false, true)
                  from choices in ArbMap.Default.GeneratorFor<int[]>()
                  from injections in ArbMap.Default.GeneratorFor<int[]>()
                  select (partitions, members, auto, choices, injections);
        var wentBack = 0;
        Prop.ForAll(gen.ToArbitrary(), run =>
        {
            var kernel = KernelTestKit.NewKernel(Script(run.partitions, run.members, run.auto));
            var g = KernelTestKit.ObjectId(kernel, "g");
            var committed = kernel.ConsumerGroupPartitions(g).Select(p => p.Committed).ToArray();
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(run.choices, []), run.injections, k =>
            {
                var now = k.ConsumerGroupPartitions(g).Select(p => p.Committed).ToArray();
                for (var p = 0; p < now.Length; p++)
                {
                    if (now[p] >= committed[p])
                    {
                        continue;
                    }

                    wentBack++;
                    var commit = KernelTestKit.EventsOfStep(k, k.StepCount).Single(e => e.Kind is EventKind.OffsetCommitted or EventKind.OffsetAutoCommitted && LogFields.Partition(e) == p);
                    Assert.True(
                        k.Events.Any(e => e.Kind == EventKind.PositionSought && e.Thread == commit.Thread && LogFields.Partition(e) == p && LogFields.Offset(e) < e.Value && e.Step < k.StepCount),
                        $"partition {p}'s committed offset went from {committed[p]} to {now[p]}, but {k.ThreadName(commit.Thread)} never sought back in it");
                }

                committed = now;
            });
        }).Check(KernelTestKit.Config(150));

        // The property is about something: some runs do move a committed offset back.
        Assert.True(wentBack > 0, "no run moved a committed offset back");
    }
}
