using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

public sealed class SocketExampleTests
{
    [Theory]
    [InlineData("socket e backlog 2\n", 1, 8, "socket e needs a path")]
    [InlineData("socket e path 3\n", 1, 15, "a socket's path must be a plain string")]
    [InlineData("socket e path \"/a\" backlog 0\n", 1, 28, "backlog must be a whole number from 1 to 16")]
    [InlineData("socket e path \"/a\" size 2\n", 1, 20, "unknown option 'size' for a stream socket; expected path, backlog, buffer, connections")]
    [InlineData("socket e path \"/a\"\ndgram d path \"/a\"\n", 2, 14, "path \"/a\" is already used by e (line 1)")]
    [InlineData("dgram d path \"/a\" backlog 1\n", 1, 19, "unknown option 'backlog' for a datagram socket")]
    [InlineData("socket e path \"/a\"\nthread t:\n    recv e, 3 -> s\n", 3, 10, "e is a stream socket, not a value (a descriptor is a number")]
    [InlineData("mutex m\nthread t:\n    listen m -> fd\n", 3, 12, "listen expects a stream socket, but m is a mutex")]
    [InlineData("socket e path \"/a\"\nthread t:\n    connect e -> fd\n    send fd, 3\n", 4, 14, "send sends a string, but `3` is a number")]
    [InlineData("thread t:\n    fd = 3\n    recv fd, \"x\" -> s\n", 3, 14, "recv expects a number here")]
    [InlineData("thread t:\n    select -> r\n", 2, 5, "select needs at least one descriptor")]
    [InlineData("thread t:\n    poll -> r\n", 2, 5, "poll needs at least one descriptor; write `poll fd1, fd2 -> ready")]
    [InlineData("shared fd = 3\nthread t:\n    close fd\n", 3, 11, "a descriptor must come from the thread's own locals, but fd is a shared variable")]
    [InlineData("socket e path \"/a\"\nthread t:\n    listen e\n", 3, 5, "listen gives 1 result after `->`")]
    [InlineData("dgram d path \"/a\"\nthread t:\n    sendto d, 1\n", 3, 15, "sendto sends a string")]
    public void Compile_SocketMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);

    [Fact]
    public void Close_ClientEndBeforeItsConnectionIsAccepted_SaysTheConnectionStillWaitsInTheBacklog()
    {
        var kernel = KernelTestKit.NewKernel("""
            socket e path "/a"
            thread t:
                listen e -> l
                connect e -> c
                close c
                accept l -> s
                recv s, 4 -> got
            """);
        KernelTestKit.StepAll(kernel, "t", "t", "t", "t", "t");

        var sentences = KernelTestKit.Sentences(kernel);
        Assert.Contains("t closes fd 4; the connection still waits in the backlog of /a: whoever accepts it reads end-of-file", sentences);
        Assert.DoesNotContain(sentences, s => s.StartsWith("t closes", StringComparison.Ordinal) && s.Contains("both ends", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("t accepts a connection on fd 3: gets fd 4", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("t gets end-of-file on fd 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Poll_SameStepAsSelect_SaysPollInItsEventsAndWaits()
    {
        var kernel = KernelTestKit.NewKernel("""
            socket e path "/p" buffer 2
            thread srv:
                listen e -> lfd
                poll lfd -> ready
            """);
        KernelTestKit.StepAll(kernel, "srv", "srv");

        Assert.Contains("srv blocks in poll: none of fd 3 is readable yet", KernelTestKit.Sentences(kernel));
        Assert.Equal("srv waits in poll for fd 3 to become readable", kernel.DescribeWait(0));
    }

    [Theory]
    [InlineData("thread t:\n    fd = 42\n    recv fd, 1 -> s\n", "recv on fd 42: bad file descriptor (not an open descriptor of process main)")]
    [InlineData("socket e path \"/a\"\nthread t:\n    connect e -> fd\n", "connect to /a: connection refused (nobody listens on it)")]
    [InlineData("socket e path \"/a\"\nthread t:\n    listen e -> l\n    listen e -> l2\n", "listen on /a: address already in use (process main listens on it as fd 3)")]
    [InlineData("socket e path \"/a\"\nthread t:\n    listen e -> l\n    close l\n    recv l, 1 -> s\n", "recv on fd 3: bad file descriptor")]
    [InlineData("socket e path \"/a\"\nthread t:\n    listen e -> l\n    recv l, 1 -> s\n", "recv on fd 3: it is a listening socket")]
    [InlineData("socket e path \"/a\"\nthread t:\n    listen e -> l\n    connect e -> c\n    close l\n    send c, \"x\"\n", "send on fd 4: the peer has closed (broken pipe)")]
    [InlineData("socket e path \"/a\"\nthread t:\n    listen e -> l\n    connect e -> c\n    shutdown c\n    send c, \"x\"\n", "send on fd 4 after shutdown")]
    [InlineData("thread t:\n    select -1, -2 -> r\n", "select with no descriptor to wait for")]
    [InlineData("dgram d path \"/d\"\nthread t:\n    sendto d, \"x\"\n", "sendto /d: connection refused (nobody is bound to it)")]
    public void Step_SocketMisuse_FaultsWithClearMessage(string source, string fault)
    {
        var kernel = KernelTestKit.NewKernel(source);
        Runner.Run(kernel, new RoundRobinScheduler());

        var finding = Assert.Single(kernel.Findings);
        Assert.Contains(fault, finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recv_PartialRead_SaysHowManyBytesWereWaiting()
    {
        var kernel = KernelTestKit.NewKernel("socket e path \"/a\" buffer 8\nthread t:\n    listen e -> l\n    connect e -> c\n    accept l -> s\n    send c, \"hello\"\n    recv s, 3 -> got\n    recv s, 8 -> rest\n");
        Runner.Run(kernel, new RoundRobinScheduler());

        var sentences = KernelTestKit.Sentences(kernel);
        Assert.Contains("t gets \"hel\" on fd 5 (3 of 5 bytes waiting; the rest stays in the buffer)", sentences);
        Assert.Contains("t gets \"lo\" on fd 5 (all 2 bytes waiting)", sentences);
        Assert.Empty(kernel.Findings);
    }

    [Fact]
    public void InjectCrash_OneThread_LeavesItsProcessDescriptorsOpenAndTheDeadlockSaysWhy()
    {
        var source = SocketScripts.Stream(4, 4, ["ab"], clientCloses: false).Replace("        send fd, \"ab\"\n", "        send fd, \"ab\"\n        pass\n", StringComparison.Ordinal);
        var kernel = KernelTestKit.NewKernel(source);
        var cli = KernelTestKit.ThreadId(kernel, "cli");
        var client = kernel.Program.Processes.Single(p => p.Name == "client").Id;
        var scheduler = new RoundRobinScheduler();
        var runnable = new int[kernel.Layout.ThreadCount];
        while (kernel.NextInstruction(cli)?.Op != Model.OpCode.Pass)
        {
            var n = kernel.CollectRunnable(runnable);
            kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)));
        }

        kernel.InjectCrash(cli);
        Runner.Run(kernel, new RoundRobinScheduler());

        Assert.Single(kernel.DescriptorsOf(client));
        var deadlock = Assert.Single(kernel.Findings, f => f.Kind == FindingKind.Deadlock);
        Assert.Contains("srv waits in recv on fd 4 for data from its peer (fd 3 of process client, whose threads have all stopped)", deadlock.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Conclude_SelectNobodyFeeds_DeadlockNamesTheDescriptors()
    {
        var kernel = KernelTestKit.NewKernel("socket e path \"/a\"\nthread t:\n    listen e -> l\n    connect e -> c\n    accept l -> s\n    select l, s -> r\n");
        Runner.Run(kernel, new RoundRobinScheduler());

        var deadlock = Assert.Single(kernel.Findings);
        Assert.Contains("t waits in select for fd 3 or 5 to become readable", deadlock.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_LastThreadOfProcess_KernelClosesItsDescriptors()
    {
        var kernel = KernelTestKit.NewKernel(SocketScripts.Stream(2, 1, ["xyz"], clientCloses: false));
        Runner.Run(kernel, new RoundRobinScheduler());

        Assert.Empty(kernel.Findings);
        Assert.Equal("xyz", SocketScripts.Local(kernel, "srv", "got"));
        Assert.Contains(KernelTestKit.Sentences(kernel), s => s.StartsWith("process client exited (cli, its last thread, finished): the kernel closes its fd 3", StringComparison.Ordinal));
    }
}
