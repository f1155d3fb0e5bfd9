using IpcLab.Core.Lessons;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;
using static IpcLab.Core.Tests.Lessons.LessonText;

namespace IpcLab.Core.Tests.Lessons;

/// <summary>"What does the next poll return": the record the member's poll would read, from the kernel's state at the pause.</summary>
public sealed class PollAnswerTests
{
    private const string Log = "topic t partitions 2 retain 4\nconsumers g on t\n";

    private static Answer NextPoll(Kernel k, string subject) => Answers.Compute(new Question(QuestionKind.NextPoll, subject, default), k);

    [Fact]
    public void Compute_MemberWithRecordsInTwoPartitions_IsTheRecordItsCursorReachesFirst()
    {
        var k = KernelTestKit.NewKernel(Log + "thread p:\n    produce t, \"a\"\n    produce t, \"b\"\n    produce t, \"c\"\nthread c:\n    subscribe g\n    poll g -> x\n    poll g -> y\n");
        KernelTestKit.StepAll(k, "p", "p", "p", "c");
        Assert.Equal(["a"], NextPoll(k, "g c").Items);

        KernelTestKit.StepAll(k, "c");
        var answer = NextPoll(k, "g c");

        // "a" came from partition 0; the poll looks at partition 1 first now, where "b" waits.
        Assert.Equal(["b"], answer.Items);
        Assert.True(answer.Accepts("b"));
        Assert.Contains("its poll reads partition 1 at offset 0", answer.Reason, StringComparison.Ordinal);
        KernelTestKit.StepAll(k, "c");
        Assert.Contains("c polls g: reads \"b\" from t partition 1 at offset 0; its position is now 1", KernelTestKit.Sentences(k));
    }

    [Fact]
    public void Compute_NothingAtItsPositionsOrNoMember_IsNothing()
    {
        var k = KernelTestKit.NewKernel(Log + "thread c:\n    subscribe g\n    poll g -> x\nthread d:\n    pass\n");
        KernelTestKit.StepAll(k, "c");

        var blocked = NextPoll(k, "g c");
        Assert.Equal("nothing", blocked.Text);
        Assert.Contains("its poll blocks", blocked.Reason, StringComparison.Ordinal);
        Assert.Equal("nothing", NextPoll(k, "g d").Text);
        Assert.Contains("not a member", NextPoll(k, "g d").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("answer: nextpoll g\n", "nextpoll takes a consumer group and a thread: nextpoll billing worker-1")]
    [InlineData("answer: nextpoll t c\n", "'t' is a topic; this question asks about a consumer group")]
    public void Parse_MalformedNextPollQuestion_FailsWithItsPosition(string answer, string expected)
    {
        var text = Front + "```ipl name=p\n" + Log + "thread c:\n    subscribe g\n```\n"
            + "```checkpoint\nat: step 1\nask: q\n" + answer + "concepts: race\n```\n";

        var e = Assert.Throws<LessonError>(() => Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("t.md:", e.Message, StringComparison.Ordinal);
    }
}
