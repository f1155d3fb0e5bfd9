using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

public class ExplorerTests
{
    private const string LostUpdate = """
        shared count = 0

        thread adder * 2:
            count = count + 1

        expect count == 2, "both increments must count"
        """;

    // One condition variable for "not full" and "not empty" with signal: Cargill's deadlock, small.
    private const string CargillSmall = """
        queue buffer capacity 1
        mutex m
        cond changed

        thread producer:
            for i in 1..2:
                lock m
                while full(buffer):
                    wait changed, m
                put buffer, i
                signal changed
                unlock m

        thread consumer * 2:
            lock m
            while empty(buffer):
                wait changed, m
            take buffer -> item
            signal changed
            unlock m
        """;

    // Two waiters on one condition variable: which one the signal wakes decides what is printed.
    private const string TwoWaiters = """
        mutex m
        cond go
        shared ready = 0
        shared first = ""

        thread waiter * 2:
            lock m
            while ready == 0:
                wait go, m
            if first == "":
                first = self
            unlock m

        thread starter:
            lock m
            ready = 1
            signal go
            unlock m
            lock m
            signal go
            unlock m
        """;

    public static TheoryData<string, string> Programs => new()
    {
        { "lost update", LostUpdate },
        { "cargill", CargillSmall },
        { "two waiters", TwoWaiters },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void Explore_SmallProgram_AgreesWithADepthFirstSearchOverStateTexts(string name, string text)
    {
        var program = KernelTestKit.Compile(text, name + ".ipl");
        var brute = BruteForce.Of(program);

        var report = Explorer.Explore(program, new ExploreOptions());

        Assert.True(report.IsExhaustive, name);
        Assert.True(brute.States > 10, $"{name}: only {brute.States} states");
        Assert.Equal(brute.States, report.States);
        Assert.Equal(brute.FinalStates, report.FinalStates);
        Assert.Equal(
            brute.Shortest.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}:{kv.Value}"),
            report.Findings.OrderBy(f => f.Kind).Select(f => $"{f.Kind}:{f.Schedule.Count}"));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Explore_EveryFinding_ReplaysToThatFindingAtItsLastStep(string name, string text)
    {
        var program = KernelTestKit.Compile(text, name + ".ipl");

        var report = Explorer.Explore(program, new ExploreOptions());

        foreach (var found in report.Findings)
        {
            var kernel = new Kernel(program, new KernelOptions { CheckInvariants = true });
            var result = Runner.Replay(kernel, found.Schedule);
            Assert.Contains(result.Findings, f => f.Kind == found.Kind && f.Step == found.Schedule.Count);
            Assert.Equal(found.Main.Text, result.Findings.First(f => f.Kind == found.Kind).Text);
        }
    }

    [Fact]
    public void Explore_LostUpdate_FindsTheLostUpdateInFourSteps()
    {
        // load, load, store, store: both adders read 0 before either writes.
        var report = Explorer.Explore(KernelTestKit.Compile(LostUpdate), new ExploreOptions());

        var lost = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.ExpectFailed, lost.Kind);
        Assert.Equal(4, lost.Schedule.Count);
    }

    [Fact]
    public void Explore_TwoWaiters_EachWaiterTheSignalCanWakeIsATransition()
    {
        var program = KernelTestKit.Compile(TwoWaiters);

        var report = Explorer.Explore(program, new ExploreOptions());

        // Both waiters can be the first one through: the final states differ in "first".
        Assert.Empty(report.Findings);
        Assert.Equal(2, report.FinalStates);
    }

    [Theory]
    [InlineData("lost-update-fix.ipl")]
    [InlineData("cargill-broadcast.ipl")]
    [InlineData("bounded-buffer.ipl")]
    public void Explore_FixedLesson_NoScheduleFindsAnything(string lesson)
    {
        var report = Explorer.Explore(KernelTestKit.CompileLesson(lesson), new ExploreOptions());

        Assert.True(report.IsExhaustive, $"{lesson}: stopped {report.Stop} with {report.States} states, {report.DepthCut} cut");
        Assert.Empty(report.Findings);
    }

    [Theory]
    [InlineData("lost-update.ipl", FindingKind.ExpectFailed)]
    [InlineData("cargill-deadlock.ipl", FindingKind.Deadlock)]
    [InlineData("bounded-buffer-if.ipl", FindingKind.Fault)]
    public void Explore_BrokenLesson_FindsItsBug(string lesson, FindingKind kind)
    {
        var report = Explorer.Explore(KernelTestKit.CompileLesson(lesson), new ExploreOptions());

        Assert.True(report.IsExhaustive, lesson);
        Assert.Contains(report.Findings, f => f.Kind == kind);
    }

    [Fact]
    public void Explore_StateLimit_StopsThereAndSaysSo()
    {
        var report = Explorer.Explore(KernelTestKit.Compile(CargillSmall), new ExploreOptions { MaxStates = 5 });

        Assert.Equal(ExploreStop.StateLimit, report.Stop);
        Assert.Equal(5, report.States);
        Assert.False(report.IsExhaustive);
    }

    [Fact]
    public void Explore_CounterThatNeverStops_IsCutAtTheStepBound()
    {
        var program = KernelTestKit.Compile("shared x = 0\nthread t:\n    while true:\n        x = x + 1\n");

        var report = Explorer.Explore(program, new ExploreOptions { MaxSteps = 30 });

        Assert.Equal(ExploreStop.Complete, report.Stop);
        Assert.Equal(1, report.DepthCut);
        Assert.Equal(30, report.Depth);
        Assert.False(report.IsExhaustive);
    }

    [Fact]
    public void Explore_LoopWithoutChange_IsFiniteAndExhausted()
    {
        // The same few states over and over: merged by hash, the search ends.
        var program = KernelTestKit.Compile("shared x = 0\nthread t:\n    while true:\n        x = 1 - x\n");

        var report = Explorer.Explore(program, new ExploreOptions { MaxSteps = 1000 });

        Assert.True(report.IsExhaustive);
        Assert.True(report.States < 10, $"{report.States} states");
    }
}
