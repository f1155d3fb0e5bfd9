using IpcLab.Core.Lessons;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;
using IpcLab.Core.Tests.Lessons;

namespace IpcLab.Core.Tests.Replication;

/// <summary>The checkpoint questions about a replicated topic, answered from the kernel: the high-water mark, and which replicas hold an offset.</summary>
public sealed class ReplicaAnswerTests
{
    private const string Program = "topic t retain 8 replicas 3 minisr 2\nthread p:\n    produce t, 1, acks(1)\n    produce t, 2, acks(1)\n";

    private static Answer Compute(QuestionKind kind, string subject, Kernel k) => Answers.Compute(new Question(kind, subject, default), k);

    [Fact]
    public void Compute_OneFollowerCopiedTheFirstRecord_TheMarkStaysAndOnlyTheLeaderAndThatFollowerHoldIt()
    {
        var k = KernelTestKit.NewKernel(Program);
        KernelTestKit.StepAll(k, "p", "p", "t-2");

        var hwm = Compute(QuestionKind.Hwm, "t 0", k);
        var first = Compute(QuestionKind.Replicas, "t 0 0", k);
        var second = Compute(QuestionKind.Replicas, "t 0 1", k);

        Assert.Equal("0", hwm.Text);
        Assert.Equal("the high-water mark is the lowest log end among the in-sync replicas (t-1 ends at 2, t-2 ends at 1, t-3 ends at 0): consumers read partition 0 below offset 0", hwm.Reason);
        Assert.True(first.Accepts("t-2 and t-1"));
        Assert.Equal(["t-1"], second.Items);
    }

    [Fact]
    public void Compute_LeaderDown_ADeadReplicaHoldsNothing()
    {
        var k = KernelTestKit.NewKernel(Program);
        KernelTestKit.StepAll(k, "p", "t-2", "t-3");
        k.InjectProcessCrash(k.Program.Processes.Single(p => p.Name == "t-1").Id);

        Assert.Equal("t-2, t-3", Compute(QuestionKind.Replicas, "t 0 0", k).Text);
        Assert.Equal("1", Compute(QuestionKind.Hwm, "t 0", k).Text);
        Assert.Equal("none", Compute(QuestionKind.Replicas, "t 0 1", k).Text);
    }

    [Theory]
    [InlineData("answer: hwm t\n", "hwm takes a replicated topic and a partition number: hwm orders 0", 13)]
    [InlineData("answer: replicas t 0\n", "replicas takes a replicated topic, a partition number and an offset: replicas orders 0 2", 18)]
    [InlineData("answer: hwm t 1\n", "t has 1 partition; partition 1 is not one of them", 13)]
    [InlineData("answer: hwm plain 0\n", "plain is not a replicated topic of the program (declare it with `replicas 2` or more)", 13)]
    public void Parse_ReplicaQuestionMistake_IsAnErrorAtItsSubject(string answer, string message, int column)
    {
        var text = LessonText.Front.Replace("[race]", "[acks]", StringComparison.Ordinal)
            + "```ipl name=p\ntopic t retain 8 replicas 2\ntopic plain retain 8\nthread a:\n    produce t, 1\n```\n"
            + "```checkpoint\nat: step 1\nask: q\n" + answer + "concepts: acks\n```\n";

        var error = LessonText.Error(text);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Pos.Column);
    }
}
