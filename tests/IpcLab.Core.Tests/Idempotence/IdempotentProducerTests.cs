using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Idempotence;

/// <summary>The retried send, step by step, and its mistakes.</summary>
public sealed class IdempotentProducerTests
{
    [Fact]
    public void Retry_NothingProducedYet_FaultsAndSaysWhy()
    {
        var k = KernelTestKit.NewKernel("topic t retain 2 producers idempotent\nthread a:\n    retry t\n");
        var result = KernelTestKit.Drive(k, new Scheduling.RoundRobinScheduler());

        Assert.Contains(result.Findings, f => f.Text.Contains("retry on t: a has produced nothing to it, so there is no send to retry", StringComparison.Ordinal));
    }

    [Fact]
    public void Retry_IdempotentAfterRetentionDeletedTheRecord_IsStillNotAppended()
    {
        var k = KernelTestKit.NewKernel("topic t retain 1 producers idempotent\nthread a:\n    produce t, 1\n    produce t, 2\n    retry t\n    produce t, 3\n");
        KernelTestKit.StepAll(k, "a", "a", "a", "a");

        var log = k.TopicPartitions(0)[0];
        Assert.Equal((2L, 3L), (log.Start, log.End));
        Assert.Equal((3L, 0, 2L), (log.Records[0].Value, log.Records[0].Producer, log.Records[0].Sequence));
        Assert.Contains("a retries 2 (its acknowledgement was lost): partition 0 of t already has sequence 1 of producer a, at offset 1; acknowledged again, not appended", KernelTestKit.Sentences(k));
    }

    [Theory]
    [InlineData("topic t retain 2 producers eager\n", 1, 28, "unknown producers 'eager'; expected plain (the default: a lost acknowledgement is not retried; a `retry` statement appends again), retrying")]
    [InlineData("topic t retain 2\nconsumers g on t\nthread a:\n    retry g\n", 4, 11, "retry expects a topic, but g is a consumer group")]
    [InlineData("topic t retain 2\nthread a:\n    retry t, 1\n", 3, 5, "retry takes 1 operand, found 2")]
    public void Compile_RetryMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);
}
