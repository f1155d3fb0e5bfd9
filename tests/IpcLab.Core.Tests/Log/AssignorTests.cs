using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>The assignor of a consumer group: declared, kept in the group's settings, used at a rebalance.</summary>
public sealed class AssignorTests
{
    [Fact]
    public void Subscribe_RoundRobinGroupOfTwoOnThreePartitions_SecondMemberGetsTheMiddlePartition()
    {
        var k = KernelTestKit.NewKernel("topic t partitions 3 retain 2\nconsumers g on t assignor roundrobin\nthread a:\n    subscribe g\n    pass\nthread b:\n    subscribe g\n    pass\n");
        KernelTestKit.StepAll(k, "a", "b");

        var g = KernelTestKit.ObjectId(k, "g");
        Assert.Equal(Assignor.RoundRobin, ConsumerGroupSettings.Of(k.Program.Objects[g]).Assignor);
        Assert.Equal([0, 1, 0], k.ConsumerGroupPartitions(g).Select(p => p.Owner));
    }

    [Fact]
    public void Compile_GroupWithoutAssignor_UsesRangeAndKeepsItsTopic()
    {
        var program = KernelTestKit.Compile("topic t partitions 3 retain 7\nconsumers g on t\nthread a:\n    pass\n");

        Assert.Equal(new ConsumerGroupSettings(0, 3, 7) { Assignor = Assignor.Range }, ConsumerGroupSettings.Of(program.Objects[1]));
    }

    [Theory]
    [InlineData("topic t retain 2\nconsumers g on t assignor sticky\n", 2, 27, "unknown assignor 'sticky'; expected range (the default: consecutive runs of partitions) or roundrobin (partition p to member p mod n)")]
    [InlineData("topic t retain 2\nconsumers g on t size 2\n", 2, 18, "unknown option 'size' for a consumer group; expected on, assignor")]
    public void Compile_AssignorMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);
}
