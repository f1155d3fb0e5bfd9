using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>
/// Both assignors over generated memberships and schedules: members subscribe, stay a generated
/// number of steps, and unsubscribe or just end; after every step each partition is owned by
/// exactly one live member (nobody only when the group is empty), the members' shares differ by
/// at most one, and the owner is the one the group's assignor names.
/// </summary>
public sealed class AssignorProperties
{
    private static string Script(int partitions, int members, byte[] stays, bool roundRobin)
    {
        var sb = new StringBuilder($"topic t partitions {partitions} retain 2\nconsumers g on t{(roundRobin ? " assignor roundrobin" : "")}\n");
        for (var m = 1; m <= members; m++)
        {
            var stay = (stays.ElementAtOrDefault(m) % 4) + 1;
            sb.Append($"thread member{m}:\n    subscribe g\n    repeat {stay}:\n        pass\n");
            if (stays.ElementAtOrDefault(m + members) % 2 == 0)
            {
                sb.Append("    unsubscribe g\n    pass\n");
            }
        }

        return sb.ToString();
    }

    private static Arbitrary<(int Partitions, int Members, byte[] Stays, int[] Choices)> Runs =>
        (from partitions in Gen.Choose(1, 5)
         from members in Gen.Choose(1, 4)
         from stays in ArbMap.Default.GeneratorFor<byte[]>()
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, members, stays, choices)).ToArbitrary();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rebalance_AnyMembershipAndSchedule_EachPartitionHasExactlyOneLiveOwnerAndSharesDifferByOne(bool roundRobin)
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = KernelTestKit.NewKernel(Script(run.Partitions, run.Members, run.Stays, roundRobin));
            var g = KernelTestKit.ObjectId(kernel, "g");
            var rebalances = 0L;
            KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []), k =>
            {
                var members = k.ConsumerGroupMembers(g);
                var owners = k.ConsumerGroupPartitions(g).Select(p => p.Owner).ToArray();
                Assert.All(owners, owner => Assert.True(members.Length == 0 ? owner == -1 : members.Contains(owner) && !k.HasEnded(owner)));
                var shares = members.Select(m => owners.Count(o => o == m)).ToArray();
                Assert.True(shares.Length == 0 || shares.Max() - shares.Min() <= 1, string.Join(",", shares));
                var assignor = roundRobin ? Assignor.RoundRobin : Assignor.Range;
                Assert.Equal(Enumerable.Range(0, owners.Length).Select(p => Rebalance.Owner(assignor, members, owners.Length, p)), owners);
                rebalances = k.ConsumerGroupGeneration(g);
            });

            // Every member joins and leaves: at least two rebalances per member.
            Assert.True(rebalances >= 2 * run.Members);
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void RoundRobin_ThreeMembersFivePartitions_DealsThePartitionsLikeCards()
    {
        int[] members = [4, 7, 9];

        Assert.Equal([4, 7, 9, 4, 7], Enumerable.Range(0, 5).Select(p => Rebalance.Owner(Assignor.RoundRobin, members, 5, p)));
        Assert.Equal([4, 4, 7, 7, 9], Enumerable.Range(0, 5).Select(p => Rebalance.Owner(Assignor.Range, members, 5, p)));
    }
}
