using IpcLab.Core.Lessons;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Lessons;

public sealed class AnswerTests
{
    private const string Buffer = """
        queue buffer capacity 2
        mutex m
        cond c
        shared count = 0
        mqueue jobs capacity 3
        thread producer:
            lock m
            put buffer, "job 1"
            put buffer, "job 2"
            count = count + 1
            send jobs, "low"
            send jobs, "high", 5
            unlock m
        thread consumer * 2:
            lock m
            take buffer -> job
            unlock m
        """;

    [Theory]
    [InlineData("consumer-1, consumer-2", true)]
    [InlineData("Consumer-2 and consumer-1", true)]
    [InlineData("consumer-1", false)]
    [InlineData("none", false)]
    public void Accepts_Set_IgnoresOrderCaseAndJoiners(string given, bool right)
    {
        var answer = new Answer(["consumer-1", "consumer-2"], false, "", "");

        Assert.Equal(right, answer.Accepts(given));
    }

    [Theory]
    [InlineData("\"job 1\", \"job 2\"", true)]
    [InlineData("job 1, job 2", true)]
    [InlineData("job 2, job 1", false)]
    public void Accepts_List_NeedsTheOrder(string given, bool right)
    {
        Assert.Equal(right, new Answer(["job 1", "job 2"], true, "", "").Accepts(given));
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("Empty")]
    [InlineData(" none. ")]
    public void Accepts_NoItems_TakesTheWordsForNothing(string given)
    {
        Assert.True(new Answer([], true, "empty", "").Accepts(given));
        Assert.False(new Answer(["x"], true, "x", "").Accepts(given));
    }

    [Fact]
    public void Compute_HolderAndWaiters_NameTheOwnerAndTheQueueInOrder()
    {
        var k = KernelAfter("producer", "consumer-2", "consumer-1");

        Assert.Equal(["producer"], Compute(QuestionKind.Holder, "m", k).Items);
        var waiters = Compute(QuestionKind.Waiters, "m", k);
        Assert.Equal(["consumer-2", "consumer-1"], waiters.Items);
        Assert.Contains("consumer-2 waits on mutex m held by producer", waiters.Reason, StringComparison.Ordinal);
        Assert.Equal(["producer"], Compute(QuestionKind.Runnable, "", k).Items);
        Assert.Equal(["blocked"], Compute(QuestionKind.Status, "consumer-1", k).Items);
    }

    [Fact]
    public void Compute_HolderOfAFreeMutex_IsNobody()
    {
        var answer = Compute(QuestionKind.Holder, "m", KernelAfter());

        Assert.Empty(answer.Items);
        Assert.Equal("nobody", answer.Text);
        Assert.True(answer.Accepts("nobody"));
    }

    [Fact]
    public void Compute_ContentsAndValue_ReadTheStateAtThePause()
    {
        var k = KernelAfter("producer", "producer", "producer", "producer", "producer", "producer", "producer");

        Assert.Equal(["job 1", "job 2"], Compute(QuestionKind.Contents, "buffer", k).Items);
        Assert.Equal(["1"], Compute(QuestionKind.Value, "count", k).Items);
        Assert.Contains("step 5: producer writes count = 1", Compute(QuestionKind.Value, "count", k).Reason, StringComparison.Ordinal);
        var jobs = Compute(QuestionKind.Contents, "jobs", KernelAfter(Enumerable.Repeat("producer", 7).ToArray()));
        Assert.Equal(["high", "low"], jobs.Items);
        Assert.Contains("\"high\" priority 5", jobs.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ValueOfAString_QuotesWhatWasReadSoAnEmptyStringShows()
    {
        var program = Compiler.CompileText("s.ipl", "shared log = \"\"\nthread t:\n    log = log + \"hi\"\n");
        var k = new Kernel(program);
        k.Step(program.ThreadIdOf("t"));

        var answer = Compute(QuestionKind.Value, "log", k);

        Assert.Contains("step 1 t read \"\"", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Receiver_NamesWhoTookTheMessage()
    {
        var k = KernelAfter(Enumerable.Repeat("producer", 8).Concat(["consumer-2", "consumer-2", "consumer-2"]).ToArray());

        var answer = Compute(QuestionKind.Receiver, "job 1", k);

        Assert.Equal(["consumer-2"], answer.Items);
        Assert.Contains("consumer-2 takes \"job 1\" from buffer", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(Compute(QuestionKind.Receiver, "job 2", k).Items);
    }

    [Fact]
    public void Compute_ContentsOfAStreamSocket_AreTheBytesWaitingInItsConnection()
    {
        var program = Compiler.CompileText("echo.ipl", File.ReadAllText(Cli.RepoFiles.Lesson("socket-echo.ipl")));
        var k = new Kernel(program);
        var rr = new Scheduling.RoundRobinScheduler();
        var ready = new int[k.Layout.ThreadCount];
        while (k.StepCount < 8)
        {
            k.Step(rr.ChooseThread(k, ready.AsSpan(0, k.CollectRunnable(ready))), rr);
        }

        var answer = Compute(QuestionKind.Contents, "echo", k);

        Assert.Equal(["llo"], answer.Items);
        Assert.Equal("bytes waiting in echo: client fd 3 (client) → server fd 4 (server): \"llo\"; back: \"\"", answer.Reason);
        Assert.True(answer.Accepts("\"llo\""));
        Assert.False(answer.Accepts("lo"));
    }


    [Fact]
    public void Compute_ContentsOfAStreamSocket_NamesAClosedEndAsClosedAndAPendingOneAsNotAccepted()
    {
        var program = Compiler.CompileText("s.ipl", """
            socket s path "/tmp/s" backlog 2 buffer 8
            semaphore never
            thread srv:
                listen s -> lfd
                accept lfd -> fd
                P never
            thread cli:
                connect s -> fd
                send fd, "hi"
                close fd
            thread late:
                connect s -> fd
                send fd, "yo"
            """);
        var k = new Kernel(program);
        foreach (var t in new[] { "srv", "cli", "cli", "late", "late", "srv", "cli" })
        {
            k.Step(program.ThreadIdOf(t));
        }

        var answer = Compute(QuestionKind.Contents, "s", k);

        Assert.Equal(["yo", "hi"], answer.Items);
        Assert.Contains("client (closed) → server fd 6 (main): \"hi\"", answer.Reason, StringComparison.Ordinal);
        Assert.Contains("client fd 5 (main) → server (not accepted yet): \"yo\"", answer.Reason, StringComparison.Ordinal);
    }
    [Fact]
    public void Compute_ReceiverOfABroadcast_NamesTheWaitingMemberAndTheReceiverThatNeverJoined()
    {
        var program = Compiler.CompileText("g.ipl", """
            group g capacity 2
            thread member:
                join g
                receive g -> x
            thread auditor:
                receive g -> y
            thread sender:
                broadcast g, "hi"
            """);
        var k = new Kernel(program);
        foreach (var t in new[] { "member", "member", "auditor", "sender" })
        {
            k.Step(program.ThreadIdOf(t));
        }

        var answer = Compute(QuestionKind.Receiver, "hi", k);

        Assert.Equal(["member", "auditor"], answer.Items);
        Assert.Contains("auditor was waiting in receive and gets \"hi\" at once", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ReceiverAndContentsOfChannelsOfNumbers_ReadTheNumbers()
    {
        var program = Compiler.CompileText("n.ipl", """
            group g capacity 2
            mqueue q capacity 2
            thread member:
                join g
                receive g -> x
            thread sender:
                pass
                multicast g, 10
                send q, 7, 3
                send q, 8
            """);
        var k = new Kernel(program);
        foreach (var t in new[] { "member", "member", "sender", "sender", "sender", "sender" })
        {
            k.Step(program.ThreadIdOf(t));
        }

        Assert.Equal(["member"], Compute(QuestionKind.Receiver, "10", k).Items);
        Assert.Equal(["7", "8"], Compute(QuestionKind.Contents, "q", k).Items);
    }

    [Fact]
    public void Compute_ContentsOfAStreamSocketWithTwoConnections_ListsTheBytesOfEach()
    {
        var program = Compiler.CompileText("select.ipl", File.ReadAllText(Cli.RepoFiles.Lesson("socket-select-two.ipl")));
        var k = new Kernel(program);
        var rr = new Scheduling.RoundRobinScheduler();
        var ready = new int[k.Layout.ThreadCount];
        while (k.StepCount < 15)
        {
            k.Step(rr.ChooseThread(k, ready.AsSpan(0, k.CollectRunnable(ready))), rr);
        }

        var answer = Compute(QuestionKind.Contents, "chat", k);

        Assert.Equal(["hicl", "hicl"], answer.Items);
    }

    private static Answer Compute(QuestionKind kind, string subject, Kernel k) => Answers.Compute(new Question(kind, subject, default), k);

    private static Kernel KernelAfter(params string[] threads)
    {
        var program = Compiler.CompileText("t.ipl", Buffer);
        var k = new Kernel(program);
        foreach (var t in threads)
        {
            k.Step(program.ThreadIdOf(t));
        }

        return k;
    }
}
