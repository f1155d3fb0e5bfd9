using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

public sealed class MessageQueueProperties
{
    /// <summary>Two senders send numbered messages (sender * 100 + i) with generated priorities; one receiver takes them all.</summary>
    private static string Script(int[] a, int[] b, int capacity)
    {
        var sb = new StringBuilder($"mqueue q capacity {capacity}\n");
        foreach (var (name, prios, id) in new[] { ("a", a, 1), ("b", b, 2) })
        {
            sb.Append($"thread {name}:\n    pass\n");
            for (var i = 0; i < prios.Length; i++)
            {
                sb.Append($"    send q, {(id * 100) + i}, {prios[i]}\n");
            }
        }

        sb.Append($"thread r:\n    repeat {a.Length + b.Length}:\n        receive q -> x, p\n        print x, p\n");
        return sb.ToString();
    }

    private static int[] Prios(int[] raw) => raw.Take(6).Select(x => (x & int.MaxValue) % 4).ToArray();

    [Fact]
    public void Receive_GeneratedPrioritiesAndSchedules_HigherFirstFifoWithinAPriority()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, KernelTestKit.Choices, (rawA, rawB, threads) =>
        {
            var (a, b) = (Prios(rawA), Prios(rawB));
            var kernel = KernelTestKit.NewKernel(Script(a, b, rawA.Length % 2 == 0 ? 1 : 3));
            var q = KernelTestKit.ObjectId(kernel, "q");
            var entered = new List<long>();
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), [], k => k.MessageQueueItems(q), (k, before, events) =>
            {
                foreach (var e in events.Where(e => e.Object == q))
                {
                    if (e.Kind is EventKind.MessageSent or EventKind.SenderResumed)
                    {
                        entered.Add(e.Value);
                    }

                    if (e.Kind == EventKind.MessageReceived)
                    {
                        // A receive takes the head: the highest priority, and the earliest of that priority.
                        Assert.Equal(before[0].Value, e.Value);
                        Assert.Equal(before.Max(m => m.Priority), before[0].Priority);
                        var same = before.Where(m => m.Priority == before[0].Priority).Select(m => entered.IndexOf(m.Value));
                        Assert.Equal(same.Min(), entered.IndexOf(e.Value));
                    }
                }

                var items = k.MessageQueueItems(q);
                for (var i = 1; i < items.Length; i++)
                {
                    Assert.True(items[i - 1].Priority > items[i].Priority
                        || (items[i - 1].Priority == items[i].Priority && entered.IndexOf(items[i - 1].Value) < entered.IndexOf(items[i].Value)),
                        $"out of order: {string.Join(", ", items)}\n{KernelTestKit.Trace(k)}");
                }
            });

            var received = kernel.Events.Where(e => e.Kind is EventKind.MessageReceived or EventKind.MessageHandedOver).Select(e => e.Value).Order();
            var sent = a.Select((_, i) => 100L + i).Concat(b.Select((_, i) => 200L + i)).Order();
            Assert.Equal(sent, received);
            Assert.Empty(kernel.Findings);
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Crash_GeneratedInjections_NoMessageInTheQueueIsLost()
    {
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, KernelTestKit.Choices, (raw, threads, injections) =>
        {
            var kernel = KernelTestKit.NewKernel(Script(Prios(raw), Prios(raw.Reverse().ToArray()), 2));
            var q = KernelTestKit.ObjectId(kernel, "q");
            MessagingDriver.Run(kernel, new ChoiceScheduler(threads, []), injections, _ => 0, (k, _, _) =>
            {
                var went = MessagingDriver.Of(k.Events, q, EventKind.MessageSent, EventKind.SenderResumed).Length;
                var left = MessagingDriver.Of(k.Events, q, EventKind.MessageReceived).Length;
                Assert.Equal(went - left, k.MessageQueueItems(q).Length);
            });
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void TimedReceive_NothingArrives_GivesUpAfterItsSteps()
    {
        var kernel = KernelTestKit.NewKernel("mqueue q capacity 1\nthread r:\n    timedreceive q, 3 -> x, ok\n    print ok\nthread busy:\n    repeat 9:\n        pass\n");

        KernelTestKit.StepAll(kernel, "r", "busy", "busy");
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(0));
        Assert.Equal("r waits on mqueue q: empty (gives up at step 4)", kernel.DescribeWait(0));
        KernelTestKit.StepAll(kernel, "busy");

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(0));
        Assert.Equal(0, kernel.LocalValue(0, 1));
        Assert.Equal("r gives up waiting on q: the timeout passed (ok = false)", KernelTestKit.Sentences(kernel)[^1]);
    }

    [Fact]
    public void TimedReceive_EveryoneElseBlocked_ClockJumpsToTheDeadline()
    {
        var kernel = KernelTestKit.NewKernel("mqueue q capacity 1\nthread r:\n    timedreceive q, 5 -> x, ok\n    print ok\n");

        KernelTestKit.StepAll(kernel, "r");

        Assert.Equal(6, kernel.Clock);
        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(0));
        Assert.Equal(
            ["r blocks on q: empty, waits at most 5 steps", "no thread can run, so time passes until the earliest timeout (the clock is now 6)", "r gives up waiting on q: the timeout passed (ok = false)"],
            KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void TimedReceive_MessageArrivesInTime_OkAndValue()
    {
        var kernel = KernelTestKit.NewKernel("mqueue q capacity 1\nthread r:\n    timedreceive q, 5 -> x, ok\nthread s:\n    send q, 7\n");

        KernelTestKit.StepAll(kernel, "r", "s");

        Assert.Equal((ThreadStatus.Finished, 7L, 1L), (kernel.StatusOf(0), kernel.LocalValue(0, 0), kernel.LocalValue(0, 1)));
        Assert.Equal(0, kernel.DeadlineOf(0));
        Assert.Equal("s sends 7 to q; r was waiting and gets it at once", KernelTestKit.Sentences(kernel)[1]);
    }

    [Fact]
    public void Send_FullQueue_BlocksUntilAReceiveMakesRoom()
    {
        var kernel = KernelTestKit.NewKernel("mqueue q capacity 1\nthread s:\n    send q, 1\n    send q, 2, 3\nthread r:\n    receive q -> x\n");

        KernelTestKit.StepAll(kernel, "s", "s");
        Assert.Equal("s waits on mqueue q: full (1 of 1)", kernel.DescribeWait(0));
        KernelTestKit.StepAll(kernel, "r");

        Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(0));
        Assert.Equal([(2L, 3L)], kernel.MessageQueueItems(KernelTestKit.ObjectId(kernel, "q")));
    }

    [Fact]
    public void Send_PriorityOutOfRange_FaultsTheSender()
    {
        var kernel = KernelTestKit.NewKernel("mqueue q capacity 1\nthread s:\n    send q, 1, 32\n");

        KernelTestKit.StepAll(kernel, "s");

        Assert.Equal("sends to q with priority 32; a priority goes from 0 to 31", kernel.FaultOf(0));
    }

    [Fact]
    public void Deadlock_ReceiverWithoutSender_ReportsTheEmptyQueue()
    {
        var kernel = KernelTestKit.NewKernel("mqueue jobs capacity 2\nthread worker * 1:\n    receive jobs -> x\n");

        KernelTestKit.StepAll(kernel, "worker-1");
        kernel.Conclude();

        Assert.Equal("deadlock: no thread can run: worker-1 waits on mqueue jobs: empty", kernel.Findings.Single().Text);
    }
}
