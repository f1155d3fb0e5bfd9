using IpcLab.Core.Lessons;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;
using static IpcLab.Core.Tests.Lessons.LessonText;

namespace IpcLab.Core.Tests.Lessons;

public sealed class BrokerAnswerTests
{
    [Fact]
    public void Compute_Copies_NamesEveryQueueABindingRoutedTheMessageInto()
    {
        var k = RoundRobinUntil("broker-topic-logs.ipl", EventKind.MessageRouted);

        var answer = Compute(QuestionKind.Copies, "disk failure", k);

        Assert.Equal(["errors", "kernel"], answer.Items.Order(StringComparer.Ordinal));
        Assert.True(answer.Accepts("kernel and errors"));
        Assert.False(answer.Accepts("errors"));
        Assert.Contains("errors (ready)", answer.Reason, StringComparison.Ordinal);
        Assert.Equal("none", Compute(QuestionKind.Copies, "mail sent", k).Text);
    }

    [Fact]
    public void Compute_Path_IsTheQueuesInTheOrderTheMessageWasRoutedWithEveryHopInTheReason()
    {
        var k = RoundRobinUntil("broker-ttl-dlq.ipl", EventKind.MessageAcked);

        var answer = Compute(QuestionKind.Path, "offer 1", k);

        Assert.Equal(["offers", "stale_offers"], answer.Items);
        Assert.False(answer.Accepts("stale_offers, offers"));
        Assert.Matches("^the path of \"offer 1\": step \\d+: web publishes \"offer 1\" to shop.*routes \"offer 1\" \\(key \"\"\\) from shop into offers.*expired.*dead-letters \"offer 1\" from offers.*from dead into stale_offers.*auditor acks \"offer 1\"", answer.Reason);
        Assert.DoesNotContain("offer 2", answer.Reason, StringComparison.Ordinal);
        Assert.Equal("none", Compute(QuestionKind.Path, "offer 9", k).Text);
        Assert.Equal("\"offer 9\" has not been published yet", Compute(QuestionKind.Path, "offer 9", k).Reason);
    }

    [Fact]
    public void Compute_PathOfADeadLetter_EndsWithTheDeathHistoryItCarriesNewestFirst()
    {
        var k = RoundRobinUntil("broker-deadletter-cycle.ipl", EventKind.MessageDeadLettered, times: 2);

        var answer = Compute(QuestionKind.Path, "cat.png", k);

        Assert.Equal(["jobs", "later"], answer.Items);
        Assert.EndsWith(
            "; in the inbox at work it carries its death history (x-death, newest first): later expired x1 (published to retry, key \"resize\"), jobs expired x1 (published to work, key \"resize\")",
            answer.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Unacked_IsWhatTheConsumerHoldsUntilItAcks()
    {
        var k = RoundRobinUntil("broker-ack-crash.ipl", EventKind.DeliveryTaken);

        var answer = Compute(QuestionKind.Unacked, "model", k);

        Assert.Equal(["photo 1"], answer.Items);
        Assert.False(answer.Accepts("none"));
        Assert.Contains("\"photo 1\" from photos (tag 1)", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(Compute(QuestionKind.Unacked, "spring", k).Items);
    }

    [Fact]
    public void Compute_ContentsOfABrokerQueue_PutsTheRequeuedMessageBackAtTheHead()
    {
        var k = RoundRobinUntil("broker-ack-crash.ipl", EventKind.MessageRequeued);

        var answer = Compute(QuestionKind.Contents, "photos", k);

        Assert.Equal(["photo 1", "photo 2", "photo 3"], answer.Items);
        Assert.False(answer.Accepts("photo 2, photo 3, photo 1"));
        Assert.Contains("no consumer holds one unacknowledged", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OwnerAfterACrash_IsTheSurvivorOfTheRebalance()
    {
        var before = RoundRobinUntil("log-rebalance.ipl", EventKind.OffsetCommitted);
        var after = RoundRobinUntil("log-rebalance.ipl", EventKind.ProcessCrashed);

        Assert.Equal(["fragile"], Compute(QuestionKind.Owner, "billing 0", before).Items);
        var owner = Compute(QuestionKind.Owner, "billing 0", after);
        Assert.Equal(["steady"], owner.Items);
        Assert.False(owner.Accepts("fragile"));
        Assert.Contains("members steady", owner.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("log-commit-before.ipl", "2")]
    [InlineData("log-commit-after.ipl", "1")]
    public void Compute_CommittedAtTheCrash_DependsOnWhetherTheWorkerCommittedFirst(string file, string offset)
    {
        var k = RoundRobinUntil(file, EventKind.ProcessCrashed);

        var answer = Compute(QuestionKind.Committed, "workers 0", k);

        Assert.Equal([offset], answer.Items);
        Assert.True(answer.Accepts(offset));
        Assert.Contains($"committed offset {offset} in partition 0", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CommittedBeforeAnyCommit_IsNone()
    {
        var k = new Kernel(Compile("log-rebalance.ipl"));

        var answer = Compute(QuestionKind.Committed, "billing 1", k);

        Assert.Equal("none", answer.Text);
        Assert.True(answer.Accepts("none"));
    }

    [Theory]
    [InlineData("answer: owner billing\n", "owner takes a consumer group and a partition number")]
    [InlineData("answer: owner billing 2\n", "partition 2 is not one of them")]
    [InlineData("answer: committed orders 0\n", "'orders' is a topic; this question asks about a consumer group")]
    [InlineData("answer: copies photo\n", "copies takes a message in double quotes")]
    public void Parse_MalformedBrokerQuestion_FailsWithItsPosition(string answer, string expected)
    {
        var text = Front + "```ipl name=p\ntopic orders partitions 2 retain 4\nconsumers billing on orders\nthread t:\n    subscribe billing\n```\n"
            + "```checkpoint\nat: step 1\nask: q\n" + answer + "concepts: race\n```\n";

        var e = Assert.Throws<LessonError>(() => Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("t.md:", e.Message, StringComparison.Ordinal);
    }

    private static Answer Compute(QuestionKind kind, string subject, Kernel k) => Answers.Compute(new Question(kind, subject, default), k);

    private static CompiledProgram Compile(string file) => Compiler.CompileText(file, File.ReadAllText(Cli.RepoFiles.Lesson(file)));

    private static Kernel RoundRobinUntil(string file, EventKind kind, int times = 1)
    {
        var k = new Kernel(Compile(file));
        var rr = new Scheduling.RoundRobinScheduler();
        var ready = new int[k.Layout.ThreadCount];
        while (k.Events.Count(e => e.Kind == kind) < times)
        {
            k.Step(rr.ChooseThread(k, ready.AsSpan(0, k.CollectRunnable(ready))), rr);
        }

        return k;
    }
}
