using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Sessions;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>
/// A consumer group's rebalance history, read back from the events, over members that join, leave,
/// rejoin and crash: after every step it is one rebalance per generation, each starting from the
/// assignment the one before left and ending where the next starts, the last ending at the group's
/// present assignment, and each says truly who came or went and which partitions moved.
/// </summary>
public sealed class RebalanceHistoryProperties
{
    [Fact]
    public void ConsumerGroupRebalances_AnyJoinsLeavesAndCrashes_ChainFromNobodyToThePresentAssignment()
    {
        var gen = LogProperties.MemberRuns;
        var crashes = 0;
        Prop.ForAll(gen.ToArbitrary(), run =>
        {
            var kernel = KernelTestKit.NewKernel(LogProperties.Members(run.partitions, run.members));
            var g = KernelTestKit.ObjectId(kernel, "g");
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(run.choices, []), run.injections, k =>
            {
                var history = k.ConsumerGroupRebalances(g);
                Assert.Equal(Enumerable.Range(1, (int)k.ConsumerGroupGeneration(g)).Select(n => (long)n), history.Select(r => r.Generation));
                var (members, owners) = (Array.Empty<int>(), Enumerable.Repeat(-1, run.partitions).ToArray());
                var step = 0;
                foreach (var r in history)
                {
                    Assert.Equal(members, r.MembersBefore);
                    Assert.Equal(owners, r.OwnersBefore);
                    Assert.True(r.Step >= step && r.Step <= k.StepCount, $"rebalance {r.Generation} at step {r.Step}");
                    AssertTriggersAreTheMembershipChange(k, r);
                    Assert.Equal(Enumerable.Range(0, run.partitions).Select(p => Rebalance.RangeOwner(r.MembersAfter, run.partitions, p)), r.OwnersAfter);
                    var moved = Enumerable.Range(0, run.partitions).Where(p => r.OwnersBefore[p] != r.OwnersAfter[p]);
                    Assert.Equal(moved.Select(p => (p, r.OwnersBefore[p], r.OwnersAfter[p])), r.Moves.Select(m => (m.Partition, m.From, m.To)));
                    crashes += r.Triggers.Count(t => t.Cause == RebalanceCause.Crashed);
                    (members, owners, step) = ([.. r.MembersAfter], [.. r.OwnersAfter], r.Step);
                }

                Assert.Equal(k.ConsumerGroupMembers(g), members);
                Assert.Equal(k.ConsumerGroupPartitions(g).Select(p => p.Owner), owners);
            });
        }).Check(KernelTestKit.Config(150));

        // The generated runs are about something: members do crash out of the group.
        Assert.True(crashes > 0, "no run had a member crash");
    }

    /// <summary>The members after are the members before with the joiner added, or with those that left, crashed or ended taken out; a crash is one the kernel reports.</summary>
    private static void AssertTriggersAreTheMembershipChange(Kernel k, RebalanceEntry r)
    {
        var expected = r.MembersBefore.ToHashSet();
        foreach (var t in r.Triggers)
        {
            var changed = t.Cause == RebalanceCause.Joined ? expected.Add(t.Thread) : expected.Remove(t.Thread);
            Assert.True(changed, $"rebalance {r.Generation}: {k.ThreadName(t.Thread)} {t.Cause}, but it was {(t.Cause == RebalanceCause.Joined ? "already" : "not")} a member");
            Assert.True(t.Cause != RebalanceCause.Crashed || k.HasCrashed(t.Thread), $"rebalance {r.Generation}: {k.ThreadName(t.Thread)} crashed, but the kernel says it did not");
        }

        Assert.Equal(expected.Order(), r.MembersAfter);
    }

    [Fact]
    public void ConsumerGroupRebalances_LogRebalancesRoundRobin_ListsEachChangeOfMembershipInOrder()
    {
        var kernel = KernelTestKit.NewKernel(KernelTestKit.CompileLesson("log-rebalances.ipl"));
        Scheduling.Runner.Run(kernel, new RoundRobinScheduler());

        var history = kernel.ConsumerGroupRebalances(KernelTestKit.ObjectId(kernel, "billing"));

        Assert.Equal(
            ["ann Joined", "bob Joined", "cat Joined", "ann Left", "cat Crashed", "bob Ended"],
            history.Select(r => string.Join(", ", r.Triggers.Select(t => $"{kernel.ThreadName(t.Thread)} {t.Cause}"))));
        var catJoins = history[2];
        Assert.Equal(
            ["p1 ann → bob", "p2 bob → cat"],
            catJoins.Moves.Select(m => $"p{m.Partition} {kernel.ThreadName(m.From)} → {kernel.ThreadName(m.To)}"));
        Assert.All(history[^1].Moves, m => Assert.Equal(-1, m.To));
    }

    [Fact]
    public void ConsumerGroupRebalances_ProcessOfTwoMembersCrashes_OneRebalanceNamesBoth()
    {
        var kernel = KernelTestKit.NewKernel("""
            topic t partitions 3 retain 2
            consumers g on t

            process hosts:
                thread a:
                    subscribe g
                    pass
                thread b:
                    subscribe g
                    pass

            thread c:
                subscribe g
                pass
            """);
        KernelTestKit.StepAll(kernel, "a", "b", "c");
        kernel.InjectProcessCrash(kernel.Program.Processes.Single(p => p.Name == "hosts").Id);

        var crash = kernel.ConsumerGroupRebalances(KernelTestKit.ObjectId(kernel, "g"))[^1];

        Assert.Equal(4, crash.Generation);
        Assert.Equal([new RebalanceTrigger(0, RebalanceCause.Crashed), new RebalanceTrigger(1, RebalanceCause.Crashed)], crash.Triggers);
        Assert.Equal([0, 1, 2], crash.MembersBefore);
        Assert.Equal([2], crash.MembersAfter);
        Assert.Equal([2, 2, 2], crash.OwnersAfter);
    }

    [Fact]
    public void ConsumerGroupRebalances_StepBack_ForgetsTheRebalancesAfterIt()
    {
        var session = new Session(KernelTestKit.CompileLesson("log-rebalances.ipl"));
        session.UseScheduler(SchedulerKind.RoundRobin);
        var g = KernelTestKit.ObjectId(session.Kernel, "billing");
        session.GoTo(14);
        var before = session.Kernel.ConsumerGroupRebalances(g);
        session.GoTo(1_000);
        Assert.True(session.Kernel.ConsumerGroupRebalances(g).Length > before.Length, "the run rebalanced again after step 14");

        session.GoTo(14);

        Assert.Equal(before.Select(Spell), session.Kernel.ConsumerGroupRebalances(g).Select(Spell));
    }

    /// <summary>Every field of the entry on one line, its lists by content, so two entries compare by what they say.</summary>
    private static string Spell(RebalanceEntry r) =>
        $"{r.Generation} at {r.Step}: [{string.Join(" ", r.Triggers)}] [{string.Join(" ", r.MembersBefore)}] [{string.Join(" ", r.OwnersBefore)}]"
        + $" -> [{string.Join(" ", r.MembersAfter)}] [{string.Join(" ", r.OwnersAfter)}] moves [{string.Join(" ", r.Moves)}]";
}
