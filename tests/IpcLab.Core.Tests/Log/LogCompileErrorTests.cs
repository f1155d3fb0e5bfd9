using IpcLab.Core.Model;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Log;

public sealed class LogCompileErrorTests
{
    private const string Topic = "topic t partitions 2 retain 4\nconsumers g on t\n";

    [Theory]
    [InlineData("topic t\n", 1, 7, "topic t needs a retention, the records each partition keeps: `topic t partitions 2 retain 8`")]
    [InlineData("topic t retain 0\n", 1, 16, "a topic's retention must be a whole number from 1 to 64")]
    [InlineData("topic t retain 2 partitions 17\n", 1, 29, "a topic has from 1 to 16 partitions")]
    [InlineData("topic t = 3 retain 2\n", 1, 11, "a topic starts empty; write `topic t partitions 2 retain 8`")]
    [InlineData("topic t retain 2 capacity 3\n", 1, 18, "unknown option 'capacity' for a topic; expected partitions, retain, expire, cleanup")]
    [InlineData("topic t retain 2 cleanup shred\n", 1, 26, "unknown cleanup 'shred'; expected delete (the default: old records go by retention only) or compact")]
    [InlineData("topic t retain 2 expire 0\n", 1, 25, "a topic's expiry is a whole number of steps from 1 to 1000000")]
    [InlineData("consumers g\n", 1, 11, "consumers g needs its topic: `consumers g on orders`")]
    [InlineData("consumers g on t\ntopic t retain 2\n", 1, 16, "unknown topic 't'; declare it before its consumers")]
    [InlineData("mutex m\nconsumers g on m\n", 2, 16, "m is a mutex, not a topic: consumers read a topic")]
    [InlineData(Topic + "thread a:\n    produce t, 3, \"v\"\n", 4, 16, "a key is a string (its characters make the hash that picks the partition), but `3` is a number")]
    [InlineData(Topic + "thread a:\n    produce g, \"v\"\n", 4, 13, "produce expects a topic, but g is a consumer group")]
    [InlineData(Topic + "thread a:\n    produce t, 1\n    produce t, \"s\"\n", 5, 16, "t carries numbers (its first send decides), but this is a string")]
    [InlineData(Topic + "thread a:\n    produce t, 1 -> a, b, c\n", 4, 5, "produce gives 2 results after `->`")]
    [InlineData(Topic + "thread a:\n    poll g -> a, b, c\n", 4, 5, "poll gives 1 result after `->`; write `poll billing -> value  (or -> value, key  or -> value, key, partition, offset)`")]
    [InlineData(Topic + "thread a:\n    poll g -> a, b\n    b = 1\n", 5, 5, "b holds a string, cannot store a number in it")]
    [InlineData(Topic + "thread a:\n    seek g, middle\n", 4, 13, "seek goes to `beginning`, to `end`, or to a partition and an offset")]
    [InlineData(Topic + "thread a:\n    seek t, end\n", 4, 10, "seek expects a consumer group, but t is a topic")]
    [InlineData(Topic + "thread a:\n    commit t\n", 4, 12, "commit expects a consumer group, but t is a topic")]
    [InlineData(Topic + "thread a:\n    print lag(t)\n", 4, 15, "lag expects a consumer group, but t is a topic")]
    [InlineData(Topic + "thread a:\n    subscribe t\n", 4, 15, "expects a group, but t is a topic")]
    public void Compile_LogMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);

    [Fact]
    public void Compile_ConsumerGroup_KnowsItsTopicPartitionsAndRetention()
    {
        var program = Compiler.CompileText("x.ipl", "topic a retain 3, orders partitions 5 retain 7\nconsumers billing on orders\nthread t:\n    pass\n");

        var orders = program.Objects.Single(o => o.Name == "orders");
        var billing = program.Objects.Single(o => o.Name == "billing");
        Assert.Equal((ObjectKind.Topic, 7, 5), (orders.Kind, orders.Capacity, TopicModule.PartitionsOf(orders)));
        Assert.Equal(new ConsumerGroupSettings(orders.Id, 5, 7), ConsumerGroupSettings.Of(billing));
    }

    [Fact]
    public void Compile_PollOnDescriptorsAndOnAGroup_AreTwoOperations()
    {
        var program = Compiler.CompileText("x.ipl", Topic + "thread a:\n    subscribe g\n    poll g -> v, k, p, o\n    fd = 3\n    poll fd -> ready\n");

        var ops = program.Threads[0].Code.Select(i => i.Op).ToArray();
        Assert.Equal([OpCode.ConsumerSubscribe, OpCode.Poll, OpCode.SetLocal, OpCode.Select], ops);
        Assert.Equal(2, program.Threads[0].Code[1].Args.Count);
    }
}
