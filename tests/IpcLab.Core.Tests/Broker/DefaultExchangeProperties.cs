using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Publishes to the default exchange with generated keys (a queue's name, or a name no queue has)
/// under generated schedules, a small broker making publishers wait for room: each message reaches
/// the queue its key names and no other, and the rest are unroutable; with injected crashes of
/// threads and processes (the broker's too, which loses the transient queues) the kernel's
/// invariants, conservation among them, hold after every step.
/// </summary>
public sealed class DefaultExchangeProperties
{
    private static readonly string[] Keys = ["q0", "q1", "q2", "nobody"];

    private static Gen<(string[] Keys, bool Mandatory, int[] Choices)> Runs =>
        from n in Gen.Choose(1, 6)
        from keys in Gen.ArrayOf(Gen.Elements(Keys), n)
        from mandatory in ArbMap.Default.GeneratorFor<bool>()
        from choices in KernelTestKit.Choices.Generator
        select (keys, mandatory, choices);

    /// <summary>Queues q0..q2 with no binding of their own; each consumed by a thread that takes and acks as many messages as are keyed with its name.</summary>
    private static string Script(string[] keys, bool mandatory)
    {
        var publishes = keys.Select((k, i) => $"    publish \"\", \"{k}\", \"m{i}\"{(mandatory ? ", mandatory" : "")}");
        var consumers = Keys.Take(3).Where(q => keys.Contains(q)).Select(q => $$"""
            thread c{{q}}:
                consume {{q}}, 1
                repeat {{keys.Count(k => k == q)}}:
                    receive {{q}} -> v, tag
                    ack tag
            """);
        return $$"""
            broker rabbit capacity 2
            bqueue q0
            bqueue q1
            bqueue q2
            thread publisher:
            {{string.Join("\n", publishes)}}
            {{string.Join("\n", consumers)}}
            """;
    }

    [Fact]
    public void Publish_GeneratedKeysAnySchedule_EachMessageReachesTheQueueItsKeyNamesOnly()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = KernelTestKit.NewKernel(Script(r.Keys, r.Mandatory));
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(r.Choices, []));

            Assert.True(result.Outcome == RunOutcome.Completed, $"{result.Outcome}: {string.Join("; ", result.Findings.Select(f => f.Text))}\n{KernelTestKit.Trace(kernel)}");
            var acked = kernel.Events.Where(e => e.Kind == EventKind.MessageAcked).Select(e => (Queue: kernel.Program.Objects[e.Object].Name, Body: kernel.Strings[e.Value]));
            var expected = r.Keys.Select((k, i) => (Queue: k, Body: $"m{i}")).Where(m => m.Queue != "nobody");
            Assert.Equal(expected.Order(), acked.Order());
            var lost = r.Keys.Count(k => k == "nobody");
            Assert.Equal((r.Keys.Length, r.Mandatory ? 0L : lost, r.Mandatory ? lost : 0L), kernel.BrokerBooks(KernelTestKit.ObjectId(kernel, "rabbit")));
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Publish_GeneratedKeysWithInjectedCrashes_InvariantsHoldAfterEveryStep()
    {
        var gen = from r in Runs
                  from injections in Gen.ArrayOf(Gen.Choose(0, 200), 12)
                  select (r, injections);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var kernel = KernelTestKit.NewKernel(Script(x.r.Keys, x.r.Mandatory), KernelTestKit.Options with { MaxSteps = 3_000 });
            var result = KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(x.r.Choices, []), x.injections);

            Assert.NotEqual(RunOutcome.Stopped, result.Outcome);
            var books = kernel.BrokerBooks(KernelTestKit.ObjectId(kernel, "rabbit"));
            Assert.InRange(books.Published, 0, x.r.Keys.Length);

            // A crash of the broker loses the transient queues, and with them their bindings to the
            // default exchange: after it every key is unroutable.
            var crashed = kernel.BrokerRestarts(KernelTestKit.ObjectId(kernel, "rabbit")).Restarts > 0;
            Assert.InRange(books.Unroutable + books.Returned, 0, crashed ? x.r.Keys.Length : x.r.Keys.Count(k => k == "nobody"));
        }).Check(KernelTestKit.Config(150));
    }
}
