using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

/// <summary>What a thread blocked on a message queue waits for, in the threads panel's words.</summary>
public sealed class MessageQueueWaitTests
{
    [Theory]
    [InlineData("mqueue jobs capacity 2\nthread w:\n    receive jobs -> x\n", "w",
        "blocked on mqueue jobs: empty, waits for a message")]
    [InlineData("mqueue jobs capacity 2\nthread w:\n    pass\n    timedreceive jobs, 3 -> x, ok\nthread o:\n    pass\n", "w w",
        "blocked on mqueue jobs: empty, waits for a message (gives up at step 5)")]
    [InlineData("mqueue jobs capacity 1\nthread w:\n    send jobs, \"a\"\n    send jobs, \"b\", 4\n", "w w",
        "blocked on mqueue jobs: full (1 of 1), \"b\" waits for a receiver")]
    [InlineData("mqueue jobs capacity 1\nthread w:\n    send jobs, 1\n    timedsend jobs, 2, 9 -> ok\nthread o:\n    pass\n", "w w",
        "blocked on mqueue jobs: full (1 of 1), 2 waits for a receiver (gives up at step 11)")]
    public void WaitStateOf_ThreadBlockedOnAMessageQueue_SaysWhatIsMissing(string script, string steps, string expected)
    {
        var kernel = KernelTestKit.NewKernel(script);
        KernelTestKit.StepAll(kernel, steps.Split(' '));

        Assert.Equal(expected, kernel.WaitStateOf(0));
    }

    [Fact]
    public void WaitStateOf_ThreadNotQueued_IsNull()
    {
        var kernel = KernelTestKit.NewKernel("mqueue jobs capacity 2\nthread w:\n    send jobs, 1\n    receive jobs -> x\n");
        kernel.Step(0);

        Assert.Null(kernel.WaitStateOf(0));
    }
}
