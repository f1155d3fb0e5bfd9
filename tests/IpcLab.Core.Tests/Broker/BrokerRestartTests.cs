using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.Compilation;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>A broker restart and publisher confirms, step by step: what survives, why the rest is lost, what the clients see.</summary>
public sealed class BrokerRestartTests
{
    private const string Topology = """
        broker rabbit capacity 8
        exchange x type fanout durable true
        bqueue keep bind x durable true
        bqueue temp bind x

        """;

    private static Kernel Run(string threads, params string[] steps)
    {
        var kernel = KernelTestKit.NewKernel(Topology + threads);
        KernelTestKit.StepAll(kernel, steps);
        return kernel;
    }

    private static string[] Lost(Kernel kernel) =>
        [.. kernel.Events.Where(e => e.Kind == EventKind.MessageLostInRestart)
            .Select(e => $"{kernel.Strings[e.Value]} {kernel.ObjectName(e.Object)} {(RestartLoss)e.Other}")];

    [Fact]
    public void Restart_ReadyMessages_OnlyPersistentOnesInTheDurableQueueSurvive()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "plain"
                publish x, "", "disk", persistent
            thread ops:
                restart rabbit
            """, "p", "rabbit", "p", "rabbit", "ops");

        Assert.Equal(["disk"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "keep")).Select(m => m.Body));
        Assert.Empty(kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "temp")));
        Assert.Equal(new[] { "disk temp TransientQueue", "plain keep NotPersistent", "plain temp TransientQueue" }, Lost(kernel).Order(StringComparer.Ordinal));
        Assert.Equal(1, kernel.BrokerQueueBooks(KernelTestKit.ObjectId(kernel, "keep")).Lost);
        Assert.Equal(2, kernel.BrokerQueueBooks(KernelTestKit.ObjectId(kernel, "temp")).Lost);
        Assert.Equal((1L, 0L), kernel.BrokerRestarts(KernelTestKit.ObjectId(kernel, "rabbit")));
        var back = kernel.Events.Single(e => e.Kind == EventKind.BrokerRecovered);
        Assert.Equal((3, 1L), (back.Other, back.Value));
    }

    [Fact]
    public void Restart_MessageInTheInbox_IsLostInFlight()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "on its way", persistent
            thread ops:
                restart rabbit
            """, "p", "ops");

        Assert.Equal(["on its way x InFlight"], Lost(kernel));
        Assert.Equal((1L, 1L), kernel.BrokerRestarts(KernelTestKit.ObjectId(kernel, "rabbit")));
        Assert.Empty(kernel.BrokerInbox(KernelTestKit.ObjectId(kernel, "rabbit")));
    }

    [Fact]
    public void Restart_UnackedPersistentMessage_ComesBackRedeliveredAndTheOldTagIsStale()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "job", persistent
            thread c:
                consume keep
                receive keep -> v, tag
                ack tag
                receive keep -> v2, tag2
                ack tag2
            thread ops:
                restart rabbit
            """, "p", "c", "rabbit", "rabbit", "c", "ops", "c", "rabbit", "c", "c");

        var sentences = KernelTestKit.Sentences(kernel);
        Assert.Contains(sentences, s => s.StartsWith("the restart puts \"job\" back into keep at its place, marked redelivered: c held it unacknowledged (delivery tag 1)", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("c acks delivery tag 1, from the channel the restart of rabbit closed: the recovered client drops it", StringComparison.Ordinal));
        Assert.Contains(kernel.Events, e => e.Kind == EventKind.MessageRedelivered && e.Count == 2);
        Assert.Equal(1, kernel.BrokerQueueBooks(KernelTestKit.ObjectId(kernel, "keep")).Acked);
        Assert.Empty(kernel.Findings);
    }

    [Fact]
    public void Restart_AckOfATagNeverGiven_IsStillAChannelError()
    {
        var kernel = Run("""
            thread ops:
                restart rabbit
            thread c:
                ack 1
            """, "ops", "c");

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(KernelTestKit.ThreadId(kernel, "c")));
    }

    [Fact]
    public void Restart_AutoackDeliveryNotTaken_IsLostWithTheClientsBuffer()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "job", persistent
            thread c:
                consume keep, autoack
                n = 1
                receive keep -> v, tag
            thread ops:
                restart rabbit
            """, "c", "p", "rabbit", "rabbit", "ops");

        Assert.Contains("job keep AutoackBuffer", Lost(kernel));
        Assert.Empty(kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "keep")));
    }

    [Fact]
    public void InjectedCrashOfTheBrokersProcess_BrokerIsDownUntilItsOwnStepRestartsIt()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "m"
            """, "p");
        var process = kernel.Program.Processes.ToList().FindIndex(p => p.Name == "rabbit");
        var rabbit = KernelTestKit.ThreadId(kernel, "rabbit");

        kernel.InjectProcessCrash(process);

        Assert.Contains(kernel.Events, e => e.Kind == EventKind.BrokerCrashed && e.Thread == -1);
        Assert.DoesNotContain(kernel.Events, e => e.Kind is EventKind.BrokerRestarted or EventKind.BrokerBackUp);
        Assert.False(kernel.HasEnded(rabbit));
        Assert.Equal(ScheduleEntryKind.ProcessCrash, kernel.Schedule[^1].Kind);
        Assert.StartsWith("rabbit crashes (injected): it is down", KernelTestKit.Sentences(kernel).First(s => s.Contains("crashes", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("rabbit is down already: its own next step restarts it", kernel.WhyCannotCrashProcess(process));

        kernel.Step(rabbit);

        Assert.Contains(kernel.Events, e => e.Kind == EventKind.BrokerBackUp && e.Thread == rabbit);
        Assert.Null(kernel.WhyCannotCrashProcess(process));
    }

    [Fact]
    public void Confirm_RoutedMessage_PublisherWaitsThenGetsAnAck()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "m", confirm -> acked
                print acked
            """, "p");
        var p = KernelTestKit.ThreadId(kernel, "p");
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(p));

        KernelTestKit.StepAll(kernel, "rabbit", "p");

        Assert.Equal(1, kernel.Events.Single(e => e.Kind == EventKind.PublishConfirmed).Count);
        Assert.Equal("true", kernel.Strings[kernel.Events.Single(e => e.Kind == EventKind.Printed).Value]);
    }

    [Fact]
    public void Confirm_RefusedAtMaxLength_IsANack()
    {
        var kernel = KernelTestKit.NewKernel("""
            broker rabbit capacity 4
            exchange x type fanout
            bqueue q bind x maxlength 1 overflow reject-publish
            thread p:
                publish x, "", "first", confirm -> a
                publish x, "", "second", confirm -> b
                print b
            """);
        Runner.Run(kernel, new RoundRobinScheduler());

        Assert.Equal([1, 0], kernel.Events.Where(e => e.Kind == EventKind.PublishConfirmed).Select(e => e.Count));
        Assert.Equal("false", kernel.Strings[kernel.Events.Single(e => e.Kind == EventKind.Printed).Value]);
    }

    [Fact]
    public void Confirm_UnroutableMessage_IsStillAnAck()
    {
        var kernel = KernelTestKit.NewKernel("""
            broker rabbit capacity 4
            exchange x type direct
            bqueue q bind x key "a"
            thread p:
                publish x, "b", "nobody's", mandatory, confirm -> acked
            """);
        Runner.Run(kernel, new RoundRobinScheduler());

        Assert.Contains(kernel.Events, e => e.Kind == EventKind.MessageReturned);
        Assert.Equal(2, kernel.Events.Single(e => e.Kind == EventKind.PublishConfirmed).Count);
        Assert.True(kernel.IsOver);
    }

    [Fact]
    public void Confirm_LostInTheInboxByARestart_IsPublishedAgain()
    {
        var kernel = Run("""
            thread p:
                publish x, "", "m", persistent, confirm
            thread ops:
                restart rabbit
            """, "p", "ops", "p", "rabbit");

        Assert.Equal(2, kernel.Events.Count(e => e.Kind == EventKind.MessagePublished));
        Assert.Single(kernel.Events, e => e.Kind == EventKind.PublishUnconfirmed);
        Assert.Equal(["m"], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "keep")).Select(m => m.Body));
    }

    [Theory]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\", \"m\" -> ok\n", 4, 28, "only a publish with `confirm` gives a result")]
    [InlineData("broker b capacity 2\nmutex m\nthread t:\n    restart m\n", 4, 13, "restart expects a broker, but m is a mutex")]
    [InlineData("mutex m\nthread t:\n    restart rabbit\n", 3, 13, "unknown broker 'rabbit'")]
    public void Compile_RestartOrConfirmMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        ScriptErrorAssert.At(source, line, column, message);
}
