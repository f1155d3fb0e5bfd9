using IpcLab.Core.Checking;
using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Idempotence;

/// <summary>The idempotent consumer: a table of processed ids, checked and recorded in the step that handles the message.</summary>
public sealed class IdempotentConsumerTests
{
    private const string Table = "table done capacity 2\n";

    [Fact]
    public void HandleOnce_NewThenSameId_HandlesOnceAndSkipsTheSecond()
    {
        var k = KernelTestKit.NewKernel(Table + "thread a:\n    handleonce done, \"job 1\"\n    handleonce done, \"job 1\"\n");
        KernelTestKit.StepAll(k, "a", "a");

        var sentences = KernelTestKit.Sentences(k);
        Assert.Equal(
            ["a handles \"job 1\" and records its id in done, in one transaction", "a skips \"job 1\": its id is already in done, so it was handled before", "a finishes"],
            sentences[^3..]);
        Assert.Equal([1], MessageTally.Of(k.Events).HandledMessages.Select(m => MessageTally.Of(k.Events).TimesHandled(m)));
        Assert.Contains("ids [\"job 1\"]", KernelTestKit.LogicalState(k), StringComparison.Ordinal);
    }

    [Fact]
    public void HandleOnce_FullTable_FaultsInsteadOfForgettingAnId()
    {
        var k = KernelTestKit.NewKernel(Table + "thread a:\n    for i in 1..3:\n        handleonce done, i\n");
        var result = KernelTestKit.Drive(k, new Scheduling.RoundRobinScheduler());

        Assert.Contains(result.Findings, f => f.Text.Contains("table done is full (2 ids recorded): 3 cannot be handled once without forgetting an id", StringComparison.Ordinal));
        Assert.Equal(2, MessageTally.Of(k.Events).HandledMessages.Count());
    }

    [Fact]
    public void HandleOnce_ProcessOfTheHandlerCrashes_TheTableKeepsItsIds()
    {
        var k = KernelTestKit.NewKernel(Table + "process p:\n    thread a:\n        handleonce done, 7\n        pass\nthread b:\n    pass\n    handleonce done, 7\n");
        KernelTestKit.StepAll(k, "a");
        k.InjectProcessCrash(k.Program.Processes.Single(p => p.Name == "p").Id);
        KernelTestKit.StepAll(k, "b", "b");

        Assert.Equal("b skips 7: its id is already in done, so it was handled before", KernelTestKit.Sentences(k)[^2]);
    }

    [Fact]
    public void Check_ExactlyOnceProgram_SkipsRereadJobsInSomeRunsAndNeverLosesOrDuplicates()
    {
        var report = GuaranteeChecker.Check(KernelTestKit.CompileLesson("guarantee-exactly-once.ipl"), new CheckOptions { Runs = 300 });

        Assert.Equal(GuaranteeKind.ExactlyOnce, report.Kind);
        Assert.StartsWith("exactly-once: 0 lost, 0 duplicated in 300 runs with crashes", report.Verdict, StringComparison.Ordinal);
        Assert.Null(report.Shortest);
    }

    /// <summary>The same program with plain `handle` duplicates: the table is what makes the difference, not the schedules.</summary>
    [Fact]
    public void Check_ExactlyOnceProgramWithPlainHandle_DuplicatesAgain()
    {
        var text = KernelTestKit.LessonText("guarantee-exactly-once.ipl")
            .Replace("handleonce done, job", "handle job", StringComparison.Ordinal)
            .Replace("recorded(done) == 4", "true", StringComparison.Ordinal);

        var report = GuaranteeChecker.Check(KernelTestKit.Compile(text), new CheckOptions { Runs = 300 });

        Assert.Equal(GuaranteeKind.AtLeastOnce, report.Kind);
    }

    [Theory]
    [InlineData("table done\n", 1, 7, "table done needs a capacity, the ids it can keep: `table done capacity 8`")]
    [InlineData("table done capacity 0\n", 1, 21, "a table's capacity must be a whole number from 1 to 64")]
    [InlineData("table done = 1 capacity 2\n", 1, 14, "a table of processed ids starts empty; write `table done capacity 8`")]
    [InlineData(Table + "thread a:\n    handleonce done\n", 3, 5, "handleonce takes 2 operands, found 1; write `handleonce done, message  (done a `table` of processed ids)`")]
    [InlineData("mutex m\nthread a:\n    handleonce m, 1\n", 3, 16, "handleonce expects a table of processed ids, but m is a mutex")]
    [InlineData(Table + "thread a:\n    handleonce done, 1\n    handleonce done, \"x\"\n", 4, 22, "done keeps ids that are numbers (its first handleonce decides), but this is a string")]
    public void Compile_HandleOnceMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);
}
