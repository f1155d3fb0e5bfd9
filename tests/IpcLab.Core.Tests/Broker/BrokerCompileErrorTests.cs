using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Broker;

public sealed class BrokerCompileErrorTests
{
    [Theory]
    [InlineData("exchange x type direct\n", 1, 10, "x is an exchange, part of a broker: declare one first")]
    [InlineData("broker b capacity 2\nexchange x type sideways\n", 2, 17, "an exchange's type is direct, fanout, topic or headers, not `sideways`")]
    [InlineData("broker b capacity 2\nexchange x\n", 2, 10, "exchange x needs a type: `exchange x type direct`")]
    [InlineData("broker b capacity 2\nbqueue q bind nowhere key \"k\"\n", 2, 15, "unknown exchange 'nowhere'; declare it first")]
    [InlineData("broker b capacity 2\nbqueue q bind b key \"k\"\n", 2, 15, "b is not an exchange (it is declared at line 1)")]
    [InlineData("broker b capacity 2\nbqueue q key \"k\"\n", 2, 10, "`key` belongs to a binding: write `bind EXCHANGE key ...` before it")]
    [InlineData("broker b capacity 2\nexchange x type topic\nbqueue q bind x match some\n", 3, 23, "a headers binding matches `all` or `any` of its arguments, not `some`")]
    [InlineData("broker b capacity 2\nbroker c capacity 2\n", 2, 8, "one broker per program (already declared b at line 1)")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\"\n", 4, 5, "publish takes 3 operands, found 2")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\", \"m\", urgent\n", 4, 26, "expected `mandatory` or `persistent` or `confirm` here, found `urgent`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\", \"m\", mandatory, mandatory\n", 4, 37, "`mandatory` is written twice")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\", \"m\", ttl(0)\n", 4, 26, "a message's TTL is a whole number of steps from 1 to 10000: `ttl(5)`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\", \"m\", ttl(2), ttl(3)\n", 4, 34, "`ttl` is written twice")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, 1, \"m\"\n", 4, 16, "expected a routing key")]
    [InlineData("broker b capacity 2\nthread t:\n    ack 1, twice\n", 3, 12, "expected `multiple` here, found `twice`")]
    [InlineData("thread t:\n    ack 1\n", 2, 5, "ack settles a delivery of a broker, but the program declares none")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    consume q, \"fast\"\n", 5, 16, "expected a prefetch count (0 = unlimited) or `autoack` here")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    receive q -> v\n", 5, 5, "receive gives 2 results after `->`")]
    [InlineData("process p:\n    broker b capacity 2\n    thread t:\n        pass\n", 2, 12, "declare b at top level: the broker is a process of its own")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    publish q, \"k\", \"m\"\n", 5, 13, "publish expects a broker exchange, but q is a broker queue (declared at line 3)")]
    [InlineData("broker b capacity 2\nthread b:\n    pass\n", 1, 8, "the broker b runs as a process and a thread of that name")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x durable yes\n", 3, 25, "`durable` is true or false")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x priority 5\n", 3, 17, "unknown option 'priority' for a broker queue; expected bind, key, headers, match, durable, maxlength, overflow, ttl, dlx, dlkey, delivery-limit or max-priority")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x ttl 0\n", 3, 21, "a queue's message TTL is a whole number of steps from 1 to 10000")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x overflow drop-head\n", 3, 17, "`overflow` says what a full queue does: give it a `maxlength N` too")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x maxlength 2 overflow drop-tail\n", 3, 38, "a queue's overflow is drop-head, reject-publish or reject-publish-dlx, not `drop-tail`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x maxlength 2 overflow reject-publish-dlxx\n", 3, 38, "a queue's overflow is drop-head, reject-publish or reject-publish-dlx, not `reject-publish-dlxx`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x maxlength 2 overflow reject - publish\n", 3, 38, "a queue's overflow is drop-head, reject-publish or reject-publish-dlx, not `reject - publish`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x maxlength 2 overflow 3\n", 3, 38, "a queue's overflow is drop-head, reject-publish or reject-publish-dlx, not `3`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x delivery-limit 0\n", 3, 32, "a queue's delivery limit is a whole number of redeliveries from 1 to 100")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x delivery-limits 2\n", 3, 17, "unknown option 'delivery-limits' for a broker queue; expected bind, key, headers, match, durable, maxlength, overflow, ttl, dlx, dlkey, delivery-limit or max-priority")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x dlx nowhere\n", 3, 21, "unknown exchange 'nowhere': a dead-letter exchange is an exchange, e.g. `exchange nowhere type direct`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x dlkey \"d\"\n", 3, 17, "`dlkey` is the key of the dead letters: name their exchange first, `dlx EXCHANGE dlkey \"KEY\"`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x maxlength 1 overflow reject-publish-dlx\n", 3, 38, "`overflow reject-publish-dlx` dead-letters what it refuses: give the queue a `dlx EXCHANGE` too")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x dlx \"dead\"\n", 3, 21, "`dlx` names the dead-letter exchange: `dlx dead`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x maxlength 0\n", 3, 27, "a broker queue's maximum length is a whole number from 1 to 64")]
    public void Compile_BrokerMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);

    [Fact]
    public void Compile_Broker_AddsItsProcessAndThreadAndGathersTheRoutingTable()
    {
        var program = Compiler.CompileText("x.ipl", "broker rabbit capacity 4\nexchange logs type topic\nbqueue a bind logs key \"kern.#\"\nbqueue b bind logs key \"*.error\" bind logs key \"#\"\nthread t:\n    pass\n");

        var logs = program.Objects.Single(o => o.Name == "logs");
        Assert.Equal(["kern.#", "*.error", "#"], logs.Bindings.Select(b => b.Key));
        Assert.Equal(2, logs.Capacity);
        Assert.Equal("rabbit", program.Processes[^1].Name);
        Assert.Equal("rabbit", program.Threads[^1].Name);
        Assert.Equal(program.Threads[^1].Id, BrokerParts.ThreadOf(program, program.Objects[0]));
    }

    [Theory]
    [InlineData("reject-publish-dlx dlx dead", OverflowMode.RejectPublishDlx)]
    [InlineData("reject-publish ttl 4", OverflowMode.RejectPublish)]
    [InlineData("drop-head", OverflowMode.DropHead)]
    public void Compile_OverflowWordBeforeOtherOptions_IsOneWord(string options, OverflowMode expected)
    {
        var program = Compiler.CompileText("x.ipl", $"broker b capacity 2\nexchange x type direct\nexchange dead type direct\nbqueue q bind x maxlength 1 overflow {options}\nthread t:\n    pass\n");

        Assert.Equal(expected, BrokerParts.OverflowOf(program.Objects.Single(o => o.Name == "q")));
    }
}
