using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// The programs that show the default exchange, the death history, priorities, cancel and a
/// requeue into a full queue run to their end under many schedules, every final check holding
/// and nothing found.
/// </summary>
public sealed class BrokerSemanticsLessonTests
{
    [Theory]
    [InlineData("broker-default-exchange.ipl")]
    [InlineData("broker-deadletter-cycle.ipl")]
    [InlineData("broker-deadletter-reject.ipl")]
    [InlineData("broker-priority.ipl")]
    [InlineData("broker-cancel.ipl")]
    [InlineData("broker-requeue-maxlength.ipl")]
    public void Lesson_ManyRandomSchedules_RunsToItsEndWithEveryCheckHolding(string lesson)
    {
        var program = KernelTestKit.CompileLesson(lesson);
        Assert.NotEmpty(program.Expectations);
        for (var seed = 1UL; seed <= 100; seed++)
        {
            var kernel = KernelTestKit.NewKernel(program);
            var result = KernelTestKit.Drive(kernel, new RandomScheduler(seed));

            Assert.True(result.Outcome == RunOutcome.Completed, $"{lesson}, seed {seed}: {result.Outcome}: {string.Join("; ", result.Findings.Select(f => f.Text))}");
        }
    }
}
