using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.Compilation;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

public sealed class TimedSendTests
{
    private const string FullQueue = "mqueue q capacity 1\nthread s:\n    send q, 1\n    timedsend q, 2, 7, 3 -> ok\nthread r:\n    repeat R:\n        pass\n    receive q -> a\n    receive q -> b, p\n";

    [Fact]
    public void TimedSend_NobodyMakesRoom_GivesUpAndTheMessageNeverEntersTheQueue()
    {
        var kernel = KernelTestKit.NewKernel(FullQueue.Replace("R", "9", StringComparison.Ordinal));

        KernelTestKit.StepAll(kernel, "s", "s", "r", "r");
        Assert.Equal("s waits on mqueue q: full (1 of 1) (gives up at step 5)", kernel.DescribeWait(0));
        KernelTestKit.StepAll(kernel, "r", "r");

        Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(0));
        Assert.Equal(0, kernel.LocalValue(0, 0));
        Assert.Equal([(1L, 0L)], kernel.MessageQueueItems(KernelTestKit.ObjectId(kernel, "q")));
        Assert.Contains("s gives up sending to q: still full when the timeout passed (ok = false); its message never entered the queue", KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void TimedSend_ReceiverMakesRoomInTime_GoesInWithItsPriorityAndOkIsTrue()
    {
        var kernel = KernelTestKit.NewKernel(FullQueue.Replace("R", "0", StringComparison.Ordinal));

        KernelTestKit.StepAll(kernel, "s", "s", "r", "r");

        Assert.Equal(1, kernel.LocalValue(0, 0));
        Assert.Equal(0, kernel.DeadlineOf(0));
        Assert.Equal([(2L, 7L)], kernel.MessageQueueItems(KernelTestKit.ObjectId(kernel, "q")));
        Assert.Contains("r receives 1 (priority 0) from q", KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void TimedSend_EveryoneElseBlocked_ClockJumpsAndTheSenderGivesUp()
    {
        var kernel = KernelTestKit.NewKernel("mqueue q capacity 1\nthread s:\n    send q, 1\n    timedsend q, 2, 4 -> ok\n    print ok\n");

        KernelTestKit.StepAll(kernel, "s", "s");

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(0));
        Assert.Contains("no thread can run, so time passes until the earliest timeout (the clock is now 6)", KernelTestKit.Sentences(kernel));
        Assert.Equal(0, kernel.LocalValue(0, 0));
    }

    [Theory]
    [InlineData("mqueue q capacity 1\nthread t:\n    timedsend q, 1 -> ok\n", 3, 5, "timedsend takes 3 operands, found 2; write `timedsend q, message [, priority], STEPS -> ok`")]
    [InlineData("mqueue q capacity 1\nthread t:\n    timedsend q, 1, 2\n", 3, 5, "timedsend gives 1 result after `->`")]
    [InlineData("group g capacity 1\nthread t:\n    timedsend g, 1, 2 -> ok\n", 3, 15, "timedsend expects a message queue, but g is a group")]
    public void Compile_TimedSendMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        ScriptErrorAssert.At(source, line, column, message);
}
