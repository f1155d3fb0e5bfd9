using IpcLab.Core.Explore;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// The lesson programs small enough to explore completely (up to about 20,000 states each), with
/// the verdict over every schedule: the kinds of finding some schedule reaches, or none. A fixed
/// program here is correct in every schedule, not only in the ones a sampler tried; so are the
/// guarantee programs without a crash (what a crash does is for the guarantee check).
/// </summary>
public class ExploreLessonsTests
{
    [Theory]
    [InlineData("bounded-buffer-if.ipl", "Fault")]
    [InlineData("bounded-buffer-while.ipl", "")]
    [InlineData("bounded-buffer.ipl", "")]
    [InlineData("broker-ack-crash.ipl", "")]
    [InlineData("broker-autoack-crash-fix.ipl", "")]
    [InlineData("broker-autoack-crash.ipl", "ExpectFailed")]
    [InlineData("broker-deadletter-cycle.ipl", "")]
    [InlineData("broker-default-exchange.ipl", "")]
    [InlineData("broker-deadletter-reject.ipl", "")]
    [InlineData("broker-direct.ipl", "")]
    [InlineData("broker-fanout.ipl", "")]
    [InlineData("broker-headers.ipl", "")]
    [InlineData("broker-maxlength.ipl", "")]
    [InlineData("broker-topic-logs.ipl", "")]
    [InlineData("cargill-broadcast.ipl", "")]
    [InlineData("cargill-deadlock.ipl", "Deadlock")]
    [InlineData("guarantee-broker-ack.ipl", "")]
    [InlineData("guarantee-broker-autoack.ipl", "")]
    [InlineData("guarantee-mqueue.ipl", "")]
    [InlineData("log-compaction.ipl", "")]
    [InlineData("lost-update-fix.ipl", "")]
    [InlineData("lost-update.ipl", "ExpectFailed")]
    [InlineData("mqueue-nopriority.ipl", "ExpectFailed")]
    [InlineData("mqueue-priorities.ipl", "")]
    [InlineData("photo-balancer.ipl", "ExpectFailed")]
    [InlineData("photo-queue.ipl", "")]
    [InlineData("photo-sync.ipl", "Fault")]
    [InlineData("prices-block.ipl", "")]
    [InlineData("robust-mutex-norepair.ipl", "ExpectFailed")]
    [InlineData("robust-mutex.ipl", "")]
    [InlineData("semaphore-buffer.ipl", "")]
    [InlineData("semaphore-order.ipl", "Deadlock")]
    [InlineData("shm-race-fix.ipl", "")]
    [InlineData("shm-race.ipl", "ExpectFailed")]
    [InlineData("shm-ring-overrun.ipl", "ExpectFailed")]
    [InlineData("shm-ring.ipl", "")]
    [InlineData("socket-datagram-cut.ipl", "ExpectFailed")]
    [InlineData("socket-datagram.ipl", "")]
    [InlineData("socket-echo-oneread.ipl", "AssertionFailed")]
    [InlineData("socket-echo.ipl", "")]
    [InlineData("socket-select-two.ipl", "")]
    public void Explore_LessonProgram_EverySchedulesVerdict(string lesson, string kinds)
    {
        var report = Explorer.Explore(KernelTestKit.CompileLesson(lesson), new ExploreOptions { MaxStates = 50_000 });

        Assert.True(report.IsExhaustive, $"{lesson}: stopped {report.Stop} after {report.States} states, {report.DepthCut} cut at the step bound");
        Assert.Equal(kinds, string.Join(",", report.Findings.Select(f => f.Kind.ToString()).Order(StringComparer.Ordinal)));
    }
}
