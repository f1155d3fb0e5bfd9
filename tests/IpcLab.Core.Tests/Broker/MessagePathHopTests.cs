using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Every hop of a message is in its path (<see cref="MessagePath"/>): through an alternate
/// exchange, returned as unroutable at the end of the chain, lost in a restart (in the inbox, in a
/// transient queue, not persistent), put back by a restart, and never confirmed to its publisher.
/// </summary>
public sealed class MessagePathHopTests
{
    private const string Alternates = """
        broker rabbit capacity 4
        exchange shop type direct alternate strays
        exchange strays type direct alternate nowhere
        exchange nowhere type direct
        bqueue orders bind shop key "order"
        bqueue typos bind strays key "typo"
        thread web:
            publish shop, "typo", "m1"
            publish shop, "other", "m2", mandatory

        """;

    private const string Restarts = """
        broker rabbit capacity 8
        exchange x type fanout durable true
        bqueue keep bind x durable true
        bqueue temp bind x

        """;

    private static EventKind[] Kinds(Kernel kernel, long message) =>
        [.. MessagePath.Of(kernel, KernelTestKit.ObjectId(kernel, "rabbit"), message).Select(e => e.Kind)];

    [Fact]
    public void Of_NoBindingMatches_PathGoesThroughTheAlternateExchangeIntoItsQueue()
    {
        var kernel = KernelTestKit.NewKernel(Alternates);
        KernelTestKit.StepAll(kernel, "web", "rabbit");

        Assert.Equal([EventKind.MessagePublished, EventKind.MessageToAlternate, EventKind.MessageRouted], Kinds(kernel, 1));
        var path = MessagePath.Of(kernel, KernelTestKit.ObjectId(kernel, "rabbit"), 1);
        Assert.Equal(["typos"], MessagePath.Queues(kernel, path));
        Assert.Contains("shop's alternate exchange strays", KernelTestKit.Describe(kernel, path[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ChainOfAlternatesMatchesNothing_PathHasEachAlternateThenTheReturn()
    {
        var kernel = KernelTestKit.NewKernel(Alternates);
        KernelTestKit.StepAll(kernel, "web", "rabbit", "web", "rabbit");

        Assert.Equal([EventKind.MessagePublished, EventKind.MessageToAlternate, EventKind.MessageToAlternate, EventKind.MessageReturned], Kinds(kernel, 2));
    }

    [Fact]
    public void Of_RestartWithTheMessageInTheInbox_PathEndsLostInFlightAndUnconfirmed()
    {
        var kernel = KernelTestKit.NewKernel(Restarts + """
            thread p:
                publish x, "", "on its way", persistent, confirm
            thread ops:
                restart rabbit
            """);
        KernelTestKit.StepAll(kernel, "p", "ops");

        Assert.Equal([EventKind.MessagePublished, EventKind.MessageLostInRestart, EventKind.PublishUnconfirmed], Kinds(kernel, 1));
        var lost = MessagePath.Of(kernel, KernelTestKit.ObjectId(kernel, "rabbit"), 1)[1];
        Assert.Equal(RestartLoss.InFlight, (RestartLoss)lost.Other);
    }

    [Fact]
    public void Of_RestartWithReadyCopies_PathSaysWhichCopiesWereLostAndWhy()
    {
        var kernel = KernelTestKit.NewKernel(Restarts + """
            thread p:
                publish x, "", "plain"
            thread ops:
                restart rabbit
            """);
        KernelTestKit.StepAll(kernel, "p", "rabbit", "ops");

        var lost = MessagePath.Of(kernel, KernelTestKit.ObjectId(kernel, "rabbit"), 1).Where(e => e.Kind == EventKind.MessageLostInRestart)
            .Select(e => $"{kernel.ObjectName(e.Object)} {(RestartLoss)e.Other}").Order(StringComparer.Ordinal);
        Assert.Equal(["keep NotPersistent", "temp TransientQueue"], lost);
    }

    [Fact]
    public void Of_RestartWhileTheMessageIsUnacked_PathHasItsRecoveryThenItsRedelivery()
    {
        var kernel = KernelTestKit.NewKernel(Restarts + """
            thread p:
                publish x, "", "job", persistent
            thread c:
                consume keep
                receive keep -> v, tag
                receive keep -> v2, tag2
                ack tag2
            thread ops:
                restart rabbit
            """);
        KernelTestKit.StepAll(kernel, "p", "rabbit", "c", "rabbit", "c", "ops", "rabbit", "c", "c");

        var kinds = Kinds(kernel, 1);
        var recovered = Array.IndexOf(kinds, EventKind.MessageRecovered);
        Assert.True(recovered > 0, string.Join(", ", kinds));
        Assert.Contains(kinds[(recovered + 1)..], k => k is EventKind.MessagePushed or EventKind.MessageRedelivered);
        Assert.Equal(EventKind.MessageAcked, kinds[^1]);
    }

    // Restarts, crashes, alternates, confirms and returns under any schedule: each event that
    // names a message is a hop of that message's path, in the order the events happened.
    private const string Everything = """
        broker rabbit capacity 8
        exchange shop type direct durable true alternate strays
        exchange strays type fanout
        bqueue orders bind shop key "order" durable true
        bqueue typos bind strays
        thread web:
            publish shop, "order", "o1", persistent, confirm
            publish shop, "oops", "o2", mandatory
            publish shop, "order", "o3"
        thread worker:
            consume orders, 1
            receive orders -> v, tag
            ack tag
            get typos -> w, tag2
        thread ops:
            restart rabbit
        """;

    [Fact]
    public void Of_AnyScheduleWithRestartsAndCrashes_EveryEventNamingAMessageIsInItsPath()
    {
        var runs = from choices in KernelTestKit.Choices.Generator
                   from injections in KernelTestKit.Choices.Generator
                   select (choices, injections);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var kernel = KernelTestKit.NewKernel(Everything, KernelTestKit.Options with { MaxSteps = 200 });
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(run.choices, []), run.injections);
            var broker = KernelTestKit.ObjectId(kernel, "rabbit");
            var named = kernel.Events.Where(e => e.Message > 0).ToArray();
            foreach (var id in named.Select(e => e.Message).Distinct())
            {
                Assert.Equal(named.Where(e => e.Message == id), MessagePath.Of(kernel, broker, id));
            }
        }).QuickCheckThrowOnFailure();
    }
}
