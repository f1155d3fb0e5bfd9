using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.Compilation;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>The alternate exchange: what no binding matches goes on to it, in the same routing step, and down its chain.</summary>
public sealed class AlternateExchangeTests
{
    private static Kernel RunToEnd(string script)
    {
        var kernel = KernelTestKit.NewKernel(script);
        IpcLab.Core.Scheduling.Runner.Run(kernel, new RoundRobinScheduler());
        return kernel;
    }

    [Fact]
    public void Route_NoBindingMatches_GoesToTheAlternateExchangeAndIsNotReturned()
    {
        var kernel = RunToEnd("""
            broker rabbit capacity 4
            exchange studio type direct alternate unrouted
            exchange unrouted type fanout
            bqueue photos bind studio key "photo"
            bqueue strays bind unrouted
            thread spring:
                publish studio, "video", "clip", mandatory
            """);

        Assert.Equal(["clip"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "strays")).Select(m => m.Body));
        Assert.Equal((1L, 0L, 0L), kernel.BrokerBooks(KernelTestKit.ObjectId(kernel, "rabbit")));
        Assert.Contains(KernelTestKit.Sentences(kernel), s => s == "rabbit finds no binding of studio for \"clip\" (key \"video\"): it goes on to studio's alternate exchange unrouted");
    }

    [Fact]
    public void Route_AlternateChainThatComesBack_IsUnroutableOnce()
    {
        var kernel = RunToEnd("""
            broker rabbit capacity 4
            exchange a type direct alternate b
            exchange b type direct alternate a
            bqueue q bind a key "x"
            thread p:
                publish a, "y", "m"
            """);

        Assert.Equal((1L, 1L, 0L), kernel.BrokerBooks(KernelTestKit.ObjectId(kernel, "rabbit")));
        Assert.True(kernel.Events.Count(e => e.Kind == EventKind.MessageToAlternate) <= kernel.Program.Objects.Count);
    }

    [Fact]
    public void Publish_AlternateWithMoreQueues_WaitsForRoomForEveryCopyItMayBecome()
    {
        var program = KernelTestKit.Compile("""
            broker rabbit capacity 4
            exchange a type direct alternate all
            exchange all type fanout
            bqueue q1 bind a key "x" bind all
            bqueue q2 bind all
            bqueue q3 bind all
            thread p:
                publish a, "y", "m"
            """);

        Assert.Equal(3, program.Objects.Single(o => o.Name == "a").Capacity);
    }

    [Fact]
    public void Route_AnyKeys_EachMessageReachesItsQueueOrTheAlternateOnesNeverBothNeverNone()
    {
        var keys = Gen.Elements("a", "b", "c").ArrayOf().Select(a => a.Take(5).ToArray());
        Prop.ForAll(keys.ToArbitrary(), ks =>
        {
            var publishes = string.Concat(ks.Select((k, i) => $"    publish x, \"{k}\", \"m{i}\"\n"));
            var kernel = RunToEnd($"""
                broker rabbit capacity 8
                exchange x type direct alternate ae
                exchange ae type fanout
                bqueue qa bind x key "a"
                bqueue other bind ae
                thread p:
                {publishes}    pass
                thread c:
                    consume qa
                    consume other
                """);
            var inA = Routed(kernel, "qa");
            var inOther = Routed(kernel, "other");
            for (var i = 0; i < ks.Length; i++)
            {
                var body = $"m{i}";
                Assert.True(ks[i] == "a" ? inA.Contains(body) && !inOther.Contains(body) : inOther.Contains(body) && !inA.Contains(body), $"{body} with key {ks[i]}");
            }
        }).Check(KernelTestKit.Config(100));
    }

    private static HashSet<string> Routed(Kernel kernel, string queue) =>
        [.. kernel.Events.Where(e => e.Kind == EventKind.MessageRouted && e.Object == KernelTestKit.ObjectId(kernel, queue)).Select(e => kernel.Strings[e.Value])];

    [Theory]
    [InlineData("broker b capacity 2\nexchange x type direct alternate nowhere\n", 2, 34, "unknown exchange 'nowhere': an alternate exchange is an exchange")]
    [InlineData("broker b capacity 2\nexchange x type direct alternate \"y\"\n", 2, 34, "`alternate` names an exchange")]
    public void Compile_AlternateMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        ScriptErrorAssert.At(source, line, column, message);
}
