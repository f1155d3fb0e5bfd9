using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Generated topologies: three queues, each with one to three topic bindings, and a publisher
/// whose keys are generated too. Whatever the schedule, each queue ends holding exactly the
/// messages one of its bindings matches (by the reference matcher), once each however many
/// bindings match, in publish order; the rest are counted unroutable.
/// </summary>
public sealed class BrokerRoutingProperties
{
    private static readonly string[] Words = ["kern", "mail", "error", "*", "#"];

    private static Gen<string> Pattern =>
        from n in Gen.Choose(1, 3)
        from parts in Gen.ArrayOf(Gen.Elements(Words), n)
        select string.Join('.', parts);

    private static Gen<string> Key =>
        from n in Gen.Choose(1, 3)
        from parts in Gen.ArrayOf(Gen.Elements("kern", "mail", "error"), n)
        select string.Join('.', parts);

    [Fact]
    public void Route_GeneratedTopicTopology_EachQueueGetsOneCopyOfEveryMatchingMessageInOrder()
    {
        var gen = from bindings in Gen.ArrayOf(Gen.ArrayOf(Pattern, 3).Select(a => a.Distinct().ToArray()), 3)
                  from keys in Gen.ArrayOf(Key, 4)
                  from choices in KernelTestKit.Choices.Generator
                  select (bindings, keys, choices);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var queues = x.bindings.Select((patterns, i) =>
                $"bqueue q{i} " + string.Join(" ", patterns.Select(p => $"bind logs key \"{p}\""))).ToArray();
            var script = $$"""
                broker rabbit capacity 12
                exchange logs type topic
                {{string.Join("\n", queues)}}
                thread publisher:
                {{string.Join("\n", x.keys.Select((k, i) => $"    publish logs, \"{k}\", \"m{i}\""))}}
                """;
            var kernel = KernelTestKit.NewKernel(script);
            KernelTestKit.Drive(kernel, new ChoiceScheduler(x.choices, []));
            var unroutable = 0;
            for (var m = 0; m < x.keys.Length; m++)
            {
                unroutable += x.bindings.Any(ps => ps.Any(p => TopicPattern.Matches(p, x.keys[m]))) ? 0 : 1;
            }

            for (var i = 0; i < x.bindings.Length; i++)
            {
                var expected = x.keys.Select((k, m) => (k, m)).Where(km => x.bindings[i].Any(p => TopicPattern.Matches(p, km.k))).Select(km => $"m{km.m}");
                var actual = kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, $"q{i}")).Select(r => r.Body);
                Assert.Equal(expected, actual);
            }

            Assert.Equal(unroutable, kernel.BrokerBooks(KernelTestKit.ObjectId(kernel, "rabbit")).Unroutable);
        }).Check(KernelTestKit.Config(200));
    }

    [Theory]
    [InlineData("all", "format=pdf,type=report", true)]
    [InlineData("all", "format=pdf", false)]
    [InlineData("any", "format=pdf", true)]
    [InlineData("any", "format=png,type=photo", false)]
    public void Route_HeadersExchange_MatchesAllOrAnyArgument(string match, string headers, bool routed)
    {
        var kernel = KernelTestKit.NewKernel($$"""
            broker rabbit capacity 2
            exchange docs type headers
            bqueue reports bind docs headers "format=pdf, type=report" match {{match}}
            thread p:
                publish docs, "{{headers}}", "doc"
            """);
        KernelTestKit.Drive(kernel, new ChoiceScheduler([], []));
        Assert.Equal(routed ? 1 : 0, kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "reports")).Count);
    }

    [Theory]
    [InlineData("all", "x-tenant=blue,format=pdf", "format=pdf", true)]
    [InlineData("all", "x-tenant=blue", "type=photo", true)]
    [InlineData("any", "x-tenant=blue", "x-tenant=blue", false)]
    [InlineData("any", "x-tenant=blue,format=pdf", "format=pdf", true)]
    [InlineData("all", "x-tenant=blue,format=pdf", "x-tenant=blue", false)]
    public void Route_HeadersArgumentNamedX_IsNotCompared(string match, string arguments, string headers, bool routed)
    {
        var kernel = KernelTestKit.NewKernel($$"""
            broker rabbit capacity 2
            exchange docs type headers
            bqueue reports bind docs headers "{{arguments}}" match {{match}}
            thread p:
                publish docs, "{{headers}}", "doc"
            """);
        KernelTestKit.Drive(kernel, new ChoiceScheduler([], []));
        Assert.Equal(routed ? 1 : 0, kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "reports")).Count);
    }

    [Fact]
    public void Route_TwoBindingsOfOneQueueBothMatch_OneCopy()
    {
        var kernel = KernelTestKit.NewKernel("""
            broker rabbit capacity 3
            exchange logs type topic
            bqueue all bind logs key "kern.#" bind logs key "*.error"
            thread p:
                publish logs, "kern.error", "disk"
            """);
        KernelTestKit.Drive(kernel, new ChoiceScheduler([], []));
        Assert.Equal(["disk"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "all")).Select(m => m.Body));
        Assert.Equal(0b11, kernel.ExchangeBooks(KernelTestKit.ObjectId(kernel, "logs")).LastMatches);
    }
}
