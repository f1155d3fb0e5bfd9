using IpcLab.Core.Checking;
using IpcLab.Core.Explore;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Checking;

/// <summary>Lost acknowledgements: the kernel's injection of one, and the guarantee checker's verdicts with them.</summary>
public sealed class LostAckCheckTests
{
    private const string Shop = """
        topic t retain 8 producers retrying
        consumers g on t
        thread shop:
            produce t, "a"
            produce t, "b"
        thread reader:
            subscribe g
            repeat 3:
                poll g -> v
        """;

    private static GuaranteeReport Check(string lesson, int runs = 300) =>
        GuaranteeChecker.Check(KernelTestKit.CompileLesson(lesson), new CheckOptions { Runs = runs });

    [Fact]
    public void Check_RetryingProducer_AtLeastOnceWithDuplicates()
    {
        var report = Check("guarantee-log-retrying.ipl");

        Assert.Equal(GuaranteeKind.AtLeastOnce, report.Kind);
        Assert.Equal(0, report.Lost);
        Assert.True(report.Duplicated > 0);
        Assert.Equal(CrashMoment.AckLost, report.Shortest!.Crash!.Moment);
        Assert.Contains("the acknowledgement of seller's produce (line 15) is lost: seller sends the record again", report.Shortest.Crash.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IdempotentProducer_ExactlyOnce()
    {
        var report = Check("guarantee-log-idempotent.ipl");

        Assert.Equal(GuaranteeKind.ExactlyOnce, report.Kind);
        Assert.Equal(300, report.Runs);
        Assert.True(report.PointKinds.HasFlag(CrashPointKind.LostAck));
        Assert.Null(report.Shortest);
    }

    [Fact]
    public void Check_IdempotentProducerOnAReplicatedTopic_ExactlyOnce()
    {
        var report = Check("guarantee-log-replicated.ipl");

        Assert.Equal(GuaranteeKind.ExactlyOnce, report.Kind);
        Assert.Equal(300, report.Runs);
        Assert.Equal((0, 0), (report.Lost, report.Duplicated));
        Assert.Null(report.Shortest);
    }

    [Fact]
    public void Check_RetryingProducerOnAReplicatedTopic_AtLeastOnceWithTheLostAckAsItsShortestBadRun()
    {
        var text = KernelTestKit.LessonText("guarantee-log-replicated.ipl").Replace("producers idempotent", "producers retrying", StringComparison.Ordinal);
        var report = GuaranteeChecker.Check(KernelTestKit.Compile(text), new CheckOptions { Runs = 300 });

        Assert.Equal(GuaranteeKind.AtLeastOnce, report.Kind);
        Assert.True(report.Duplicated > 0);
        Assert.Equal(CrashMoment.AckLost, report.Shortest!.Crash!.Moment);
        Assert.Contains("the acknowledgement of seller's produce (line 22) is lost: seller sends the record again", report.Shortest.Crash.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guarantee-log-replicated.ipl", CrashPointKind.ClientStatement | CrashPointKind.LeaderCrash | CrashPointKind.FollowerCrash | CrashPointKind.LostAck)]
    [InlineData("guarantee-log-retrying.ipl", CrashPointKind.ClientStatement | CrashPointKind.LostAck)]
    [InlineData("guarantee-log-commit-after.ipl", CrashPointKind.ClientStatement)]
    [InlineData("guarantee-broker-ack.ipl", CrashPointKind.ClientStatement | CrashPointKind.BrokerRestart)]
    [InlineData("log-acks1.ipl", CrashPointKind.ClientStatement | CrashPointKind.LeaderCrash | CrashPointKind.FollowerCrash)]
    public void Check_Program_NamesTheKindsOfCrashPointItUsed(string lesson, CrashPointKind expected)
    {
        Assert.Equal(expected, Check(lesson, 50).PointKinds);
    }

    [Fact]
    public void Words_SeveralKinds_NamesEachInOrder()
    {
        Assert.Equal(
            "a client's process crashed before or after a send, handle, commit or ack; or a produce's acknowledgement lost, so its producer sent it again",
            CrashPointWords.Of(CrashPointKind.LostAck | CrashPointKind.ClientStatement));
        Assert.Equal("no crash point", CrashPointWords.Of(CrashPointKind.None));
    }

    [Fact]
    public void Check_ShrunkLostAckRun_ReplaysToTheSameDuplicate()
    {
        var program = KernelTestKit.CompileLesson("guarantee-log-retrying.ipl");
        var report = GuaranteeChecker.Check(program, new CheckOptions { Runs = 100 });
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = 10_000, CheckInvariants = true });

        Runner.Replay(kernel, report.Shrunk!.Schedule);

        Assert.Contains(kernel.Schedule, e => e.Kind == ScheduleEntryKind.LostAck);
        Assert.Equal(report.Shrunk.Duplicated, MessageTally.Of(kernel.Events).Duplicated.Select(m => kernel.Strings[m]));
    }

    [Fact]
    public void InjectLostAck_RetryingProducer_AppendsTheRecordTwiceInOneStep()
    {
        var kernel = KernelTestKit.NewKernel(Shop);

        kernel.InjectLostAck(KernelTestKit.ThreadId(kernel, "shop"));

        Assert.Equal(1, kernel.StepCount);
        Assert.Equal(["a", "a"], kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t"))[0].Records.Select(r => kernel.Strings[r.Value]));
        Assert.Equal(new ScheduleEntry(ScheduleEntryKind.LostAck, 0), kernel.Schedule[^1]);
        Assert.Contains(KernelTestKit.Sentences(kernel), s => s.Contains("shop retries \"a\" (its acknowledgement was lost)", StringComparison.Ordinal));
    }

    [Fact]
    public void InjectLostAck_IdempotentProducer_AcknowledgesWithoutAppending()
    {
        var kernel = KernelTestKit.NewKernel(Shop.Replace("producers retrying", "producers idempotent", StringComparison.Ordinal));

        kernel.InjectLostAck(KernelTestKit.ThreadId(kernel, "shop"));

        Assert.Single(kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t"))[0].Records);
        Assert.Contains(kernel.Events, e => e.Kind == EventKind.RetryDeduplicated);
    }

    [Theory]
    [InlineData("producers plain", "shop", "is not a produce to a topic whose producers retry")]
    [InlineData("producers retrying", "reader", "is not a produce to a topic whose producers retry")]
    public void InjectLostAck_NoAckToLose_RefusedWithTheReason(string producers, string thread, string reason)
    {
        var kernel = KernelTestKit.NewKernel(Shop.Replace("producers retrying", producers, StringComparison.Ordinal));
        var t = KernelTestKit.ThreadId(kernel, thread);

        var error = Assert.Throws<InvalidOperationException>(() => kernel.InjectLostAck(t));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, kernel.StepCount);
    }

    [Fact]
    public void SavedRun_LostAck_SavesAndReplaysExactly()
    {
        var program = KernelTestKit.Compile(Shop);
        var kernel = KernelTestKit.NewKernel(program);
        kernel.InjectLostAck(KernelTestKit.ThreadId(kernel, "shop"));
        Runner.Run(kernel, new RoundRobinScheduler());

        var json = SavedRun.From(kernel, "test").ToJson();
        var replayed = KernelTestKit.NewKernel(program);
        Runner.Replay(replayed, SavedRun.Parse("run.json", json).ResolveSchedule(program, "run.json"));

        Assert.Contains("\"lost-ack\": \"shop\"", json, StringComparison.Ordinal);
        Assert.Equal(KernelTestKit.Sentences(kernel), KernelTestKit.Sentences(replayed));
        Assert.Equal(kernel.StateHash(), replayed.StateHash());
    }
}
