using IpcLab.Core.Model;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// The default exchange "": every broker queue is bound to it by its own name, a publish to it
/// with a queue's name as the key reaches that queue only, any other key is unroutable, and it
/// cannot be declared, bound to or deleted.
/// </summary>
public sealed class DefaultExchangeTests
{
    private const string Queues = """
        broker rabbit capacity 4
        exchange logs type fanout
        bqueue jobs
        bqueue other bind logs
        bqueue jobs2

        """;

    [Fact]
    public void Publish_KeyNamesAQueue_LandsInThatQueueOnly()
    {
        var kernel = KernelTestKit.NewKernel(Queues + "thread p:\n    publish \"\", \"jobs\", \"job 1\"\n");
        KernelTestKit.Drive(kernel, new ChoiceScheduler([], []));

        Assert.Equal(["job 1"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "jobs")).Select(m => m.Body));
        Assert.Empty(kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "other")));
        Assert.Empty(kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "jobs2")));
        Assert.Contains("rabbit routes \"job 1\" (key \"jobs\") from the default exchange (\"\") into jobs", KernelTestKit.Sentences(kernel));
    }

    [Theory]
    [InlineData("", 1, 0)]
    [InlineData(", mandatory", 0, 1)]
    public void Publish_KeyNamesNoQueue_IsUnroutableDroppedOrReturned(string flags, long dropped, long returned)
    {
        var kernel = KernelTestKit.NewKernel(Queues + $"thread p:\n    publish \"\", \"logs\", \"m\"{flags}\n");
        KernelTestKit.Drive(kernel, new ChoiceScheduler([], []));

        var books = kernel.BrokerBooks(KernelTestKit.ObjectId(kernel, "rabbit"));
        Assert.Equal((1L, dropped, returned), books);
        Assert.All(["jobs", "other", "jobs2"], q => Assert.Empty(kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, q))));
        Assert.Contains(KernelTestKit.Sentences(kernel), s => s.Contains("no binding of the default exchange (\"\") matches key \"logs\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_PublishToIt_BindsEveryQueueByItsNameAndCopiesOnce()
    {
        var program = KernelTestKit.Compile(Queues + "thread p:\n    publish \"\", \"jobs\", \"m\"\n");
        var exchange = program.Objects.Single(o => o.Name == DefaultExchange.Name);

        Assert.Equal(ObjectKind.Exchange, exchange.Kind);
        Assert.Equal(["jobs:jobs", "other:other", "jobs2:jobs2"], exchange.Bindings.Select(b => $"{program.Objects[b.Queue].Name}:{b.Key}"));
        Assert.Equal(1, exchange.Capacity);
        Assert.Equal(program.Objects.Count - 1, exchange.Id);
    }

    [Fact]
    public void Compile_NoPublishToIt_AddsNoObject()
    {
        var program = KernelTestKit.Compile(Queues + "thread p:\n    publish logs, \"\", \"m\"\n");

        Assert.DoesNotContain(program.Objects, o => o.Name == DefaultExchange.Name);
    }

    [Fact]
    public void Publish_NestedInLoopsAndBranches_StillReachesTheQueue()
    {
        var kernel = KernelTestKit.NewKernel(Queues + "thread p:\n    for i in 1..2:\n        if i == 2:\n            publish \"\", \"jobs2\", \"m{i}\"\n");
        var result = KernelTestKit.Drive(kernel, new RandomScheduler(3));

        Assert.Equal(RunOutcome.Completed, result.Outcome);
        Assert.Equal(["m2"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "jobs2")).Select(m => m.Body));
    }

    [Fact]
    public void Compile_MoreQueuesThanItsTableHolds_ReportsTheFirstOneTooMany()
    {
        var queues = string.Concat(Enumerable.Range(0, 63).Select(i => $"bqueue q{i}\n"));

        Compilation.ScriptErrorAssert.At($"broker b capacity 2\n{queues}thread t:\n    publish \"\", \"q0\", \"m\"\n", 64, 8, "it holds at most 62 bindings: declare at most 62 broker queues");
    }

    [Theory]
    [InlineData("broker b capacity 2\nexchange \"\" type direct\n", 2, 10, "\"\" is the default exchange, the broker's own: it cannot be declared")]
    [InlineData("broker b capacity 2\nexchange x type direct, \"\" type direct\n", 2, 25, "\"\" is the default exchange, the broker's own: it cannot be declared")]
    [InlineData("broker b capacity 2\nbqueue jobs bind \"\" key \"jobs\"\n", 2, 18, "\"\" is the default exchange: it binds every queue by its own name and cannot be bound to explicitly; `publish \"\", \"jobs\", ...` already reaches jobs")]
    [InlineData("broker b capacity 2\nbqueue jobs\nthread t:\n    delete \"\"\n", 4, 12, "\"\" is the default exchange, the broker's own: it cannot be deleted")]
    [InlineData("bqueue jobs\nthread t:\n    publish \"\", \"jobs\", \"m\"\n", 1, 8, "jobs is a broker queue, part of a broker: declare one first")]
    [InlineData("thread t:\n    publish \"\", \"jobs\", \"m\"\n", 2, 13, "\"\" is the default exchange, a broker's own: declare a broker first")]
    [InlineData("broker b capacity 2\nbqueue jobs\nthread t:\n    publish \" \", \"jobs\", \"m\"\n", 4, 13, "publish expects a broker exchange name here, found `\" \"`")]
    public void Compile_DefaultExchangeMisuse_ReportsPositionAndWhy(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);
}
