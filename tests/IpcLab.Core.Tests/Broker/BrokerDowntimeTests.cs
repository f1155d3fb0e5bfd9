using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.Compilation;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>A broker that is down between <c>crash rabbit</c> and its own restart step: what each client operation does meanwhile.</summary>
public sealed class BrokerDowntimeTests
{
    private const string Topology = """
        broker rabbit capacity 8
        exchange x type fanout durable true
        bqueue q bind x durable true

        """;

    private static Kernel Run(string threads, params string[] steps)
    {
        var kernel = KernelTestKit.NewKernel(Topology + threads);
        KernelTestKit.StepAll(kernel, steps);
        return kernel;
    }

    private static string Last(Kernel kernel, EventKind kind) =>
        KernelTestKit.Sentences(kernel)[kernel.Events.ToList().FindLastIndex(e => e.Kind == kind)];

    [Fact]
    public void Publish_WhileDownWithoutConfirm_FailsAndTheProgramGoesOn()
    {
        var kernel = Run("""
            thread ops:
                crash rabbit
            thread p:
                publish x, "", "m", persistent
                print "after"
            """, "ops", "p", "p");

        var refused = kernel.Events.Single(e => e.Kind == EventKind.PublishRefused);
        Assert.Equal(0, refused.Count);
        Assert.Equal("p publishes \"m\" to x, but rabbit is down (connection refused): the message is not sent, and without confirms p goes on without it", Last(kernel, EventKind.PublishRefused));
        Assert.Contains(kernel.Events, e => e.Kind == EventKind.Printed);
        Assert.Equal(0, kernel.BrokerBooks(KernelTestKit.ObjectId(kernel, "rabbit")).Published);
    }

    [Fact]
    public void Publish_WhileDownWithConfirm_WaitsForTheRestartThenPublishesAgain()
    {
        var kernel = Run("""
            thread ops:
                crash rabbit
            thread p:
                publish x, "", "m", persistent, confirm -> acked
                print acked
            """, "ops", "p");
        var p = KernelTestKit.ThreadId(kernel, "p");

        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(p));
        Assert.Equal(1, kernel.Events.Single(e => e.Kind == EventKind.PublishRefused).Count);
        Assert.Equal("p waits for rabbit to come back (it is down) to publish again", kernel.WhyCannotRun(p));

        KernelTestKit.StepAll(kernel, "rabbit", "p", "rabbit", "p");

        Assert.Equal(1, kernel.Events.Count(e => e.Kind == EventKind.MessagePublished));
        Assert.Equal("true", kernel.Strings[kernel.Events.Single(e => e.Kind == EventKind.Printed).Value]);
    }

    [Fact]
    public void Crash_PublisherWaitingForItsConfirm_LearnsItIsLostAndPublishesAgainOnceUp()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "m", persistent, confirm
            thread ops:
                crash rabbit
            """, "p", "ops");
        var p = KernelTestKit.ThreadId(kernel, "p");

        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(p));
        Assert.Equal("p never gets the confirm of \"m\": rabbit crashed before routing it, so p will publish it again once rabbit is back", Last(kernel, EventKind.PublishUnconfirmed));

        KernelTestKit.StepAll(kernel, "rabbit");
        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(p));
        KernelTestKit.StepAll(kernel, "p", "rabbit");

        Assert.Equal(["m"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "q")).Select(m => m.Body));
    }

    [Fact]
    public void Get_WhileDown_FailsWithNothing()
    {
        var kernel = Run("""
            thread ops:
                crash rabbit
            thread c:
                get q -> v, tag
                print "{v}/{tag}"
            """, "ops", "c", "c");

        Assert.Equal("c cannot get from q: rabbit is down (connection refused); it gets \"\" and tag 0", Last(kernel, EventKind.GetRefused));
        Assert.Equal("/0", kernel.Strings[kernel.Events.Single(e => e.Kind == EventKind.Printed).Value]);
    }

    [Fact]
    public void Ack_WhileDown_IsDroppedAndTheDeliveryComesBackRedelivered()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "m", persistent
            thread c:
                consume q
                receive q -> v, tag
                ack tag
                receive q -> v2, tag2
                ack tag2
            thread ops:
                crash rabbit
            """, "p", "rabbit", "c", "rabbit", "c", "ops", "c");

        Assert.Equal("c acks delivery tag 1, but rabbit is down: the channel of that delivery is closed, so the client cannot send it (the crash already took the delivery back)", Last(kernel, EventKind.SettleStale));
        Assert.StartsWith("the crash takes \"m\" back from c into q at its place, marked redelivered", Last(kernel, EventKind.MessageRecovered), StringComparison.Ordinal);
        var c = KernelTestKit.ThreadId(kernel, "c");

        // The receive waits through the downtime; after the restart the recovered consumer gets it again.
        KernelTestKit.StepAll(kernel, "c");
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(c));
        KernelTestKit.StepAll(kernel, "rabbit", "rabbit", "c");

        Assert.Single(kernel.Events, e => e.Kind == EventKind.MessageRedelivered);
        Assert.Equal(1, kernel.BrokerQueueBooks(KernelTestKit.ObjectId(kernel, "q")).Acked);
    }

    [Fact]
    public void Crash_WhileDown_FaultsTheThread()
    {
        var kernel = Run("""
            thread ops:
                crash rabbit
                crash rabbit
            """, "ops", "ops");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(KernelTestKit.ThreadId(kernel, "ops")));
        Assert.Contains("crashes rabbit, but rabbit is down already: its own next step restarts it", kernel.FaultOf(KernelTestKit.ThreadId(kernel, "ops")), StringComparison.Ordinal);
    }

    [Fact]
    public void InjectedCrashOfTheBrokersThread_CrashesTheBrokerWhichRestartsItself()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "m", persistent
            """, "p", "rabbit");
        var rabbit = KernelTestKit.ThreadId(kernel, "rabbit");

        kernel.InjectCrash(rabbit);

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(rabbit));
        Assert.Equal("rabbit is down already: its own next step restarts it", kernel.WhyCannotCrash(rabbit));
        kernel.Step(rabbit);
        Assert.Equal(1, kernel.Events.Single(e => e.Kind == EventKind.BrokerBackUp).Value);
        Assert.Equal(["m"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "q")).Select(m => m.Body));
    }

    [Theory]
    [InlineData("broker b capacity 2\nmutex m\nthread t:\n    crash m\n", 4, 11, "crash expects a broker, but m is a mutex")]
    [InlineData("broker b capacity 2\nthread t:\n    crash b, b\n", 3, 5, "crash BROKER")]
    public void Compile_CrashOfSomethingElse_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        ScriptErrorAssert.At(source, line, column, message);

    [Fact]
    public void Compile_PlainCrash_StillCrashesTheCallersProcess()
    {
        var kernel = KernelTestKit.NewKernel("broker b capacity 2\nthread t:\n    crash\n");
        KernelTestKit.StepAll(kernel, "t");

        Assert.Contains(kernel.Events, e => e.Kind == EventKind.ProcessCrashed);
        Assert.DoesNotContain(kernel.Events, e => e.Kind == EventKind.BrokerCrashed);
    }
}
