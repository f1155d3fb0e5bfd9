using IpcLab.Core.Model;
using IpcLab.Core.Objects.Group;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Messaging;

public sealed class MessagingCompileErrorTests
{
    [Theory]
    [InlineData("mutex m\nthread t:\n    send m, 1\n", 3, 10, "send expects a message queue, but m is a mutex (declared at line 1)")]
    [InlineData("queue q capacity 2\nthread t:\n    receive q -> x\n", 3, 13, "receive expects a message queue or a group, but q is a queue (declared at line 1)")]
    [InlineData("mqueue q capacity 2\nthread t:\n    join q\n", 3, 10, "join expects a group, but q is a message queue (declared at line 1)")]
    [InlineData("group g capacity 2\nthread t:\n    send g, 1\n", 3, 10, "send expects a message queue, but g is a group")]
    [InlineData("group g capacity 2\nthread t:\n    receive g -> x, p\n", 3, 13, "receive expects a message queue, but g is a group")]
    [InlineData("group g capacity 2\nthread t:\n    unicast g, 3, \"hi\"\n", 3, 16, "unicast sends to a thread by its name, a string")]
    [InlineData("mqueue q capacity 2\nthread t:\n    send q, 1, \"high\"\n", 3, 16, "expected a priority (a number from 0 to 31) here")]
    [InlineData("mqueue q capacity 2\nthread t:\n    timedreceive q, true -> x, ok\n", 3, 21, "expected a timeout (a number of steps) here")]
    [InlineData("mqueue q capacity 2\nthread t:\n    send q, 1\n    send q, \"s\"\n", 4, 13, "q carries numbers (its first send decides), but this is a string")]
    [InlineData("mqueue q capacity 2\nthread t:\n    tryreceive q -> x\n", 3, 5, "tryreceive gives 2 results after `->`")]
    [InlineData("mqueue q\n", 1, 8, "mqueue q needs a capacity: `mqueue q capacity 4`")]
    [InlineData("mqueue q capacity 65\n", 1, 19, "a message queue's capacity must be a whole number from 1 to 64")]
    [InlineData("mqueue q capacity 2 policy round-robin\n", 1, 21, "unknown option 'policy' for a message queue; expected capacity")]
    [InlineData("group g capacity 2 policy fastest\n", 1, 27, "unknown anycast policy 'fastest'; expected one of round-robin, least-loaded, first-ready")]
    [InlineData("group g capacity 2 full wait\n", 1, 25, "unknown full setting 'wait'; expected one of block, drop, drop-oldest")]
    [InlineData("group g capacity 2 full drop full block\n", 1, 30, "option 'full' is given twice")]
    [InlineData("mutex m\nthread t:\n    print members(m)\n", 3, 19, "members expects a group, but m is a mutex")]
    [InlineData("group g capacity 2\nthread t:\n    print size(g)\n", 3, 16, "size expects a queue or a message queue, but g is a group")]
    [InlineData("group g capacity 2\nthread t:\n    anycast g\n", 3, 5, "anycast takes 2 operands, found 1; write `anycast g, message`")]
    [InlineData("mutex m\nthread t:\n    broadcast m, 1\n", 3, 15, "broadcast expects a group, but m is a mutex")]
    public void Compile_MessagingMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);

    [Fact]
    public void Compile_GroupDeclaration_KeepsPolicyAndFullSetting()
    {
        var program = Compiler.CompileText("x.ipl", "group a capacity 3 policy least-loaded full drop-oldest, b capacity 1\nthread t:\n    pass\n");

        var a = program.Objects.Single(o => o.Name == "a");
        var b = program.Objects.Single(o => o.Name == "b");
        Assert.Equal((3, new GroupSettings(AnycastPolicy.LeastLoaded, FullPolicy.DropOldest)), (a.Capacity, GroupSettings.Of(a)));
        Assert.Equal((1, new GroupSettings(AnycastPolicy.RoundRobin, FullPolicy.Block)), (b.Capacity, GroupSettings.Of(b)));
    }

    [Fact]
    public void Compile_MessageTypes_FollowTheFirstSend()
    {
        var program = Compiler.CompileText("x.ipl", "mqueue q capacity 2\ngroup g capacity 2\nthread r:\n    receive q -> x\n    receive g -> y\nthread s:\n    send q, \"a\"\n    multicast g, true\n");

        Assert.Equal(ValueKind.Str, program.Objects.Single(o => o.Name == "q").ValueKind);
        Assert.Equal(ValueKind.Bool, program.Objects.Single(o => o.Name == "g").ValueKind);
        Assert.Equal([ValueKind.Str, ValueKind.Bool], program.Threads[0].Locals.Select(l => l.Kind));
    }
}
