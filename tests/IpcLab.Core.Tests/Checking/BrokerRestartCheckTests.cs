using IpcLab.Core.Checking;
using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Checking;

/// <summary>
/// The checkers across a broker restart: the admin's scripted `restart rabbit` for the sampler and
/// the explorer, the broker crash points injected by the guarantee checker. The transient queue
/// loses photos; durable queues, persistent messages, confirms and manual acks lose none.
/// </summary>
public sealed class BrokerRestartCheckTests
{
    [Fact]
    public void Check_TransientQueueAcrossRestart_FindsTheLostPhoto()
    {
        // Uniformly random runs: the portfolio's sticky walks find the program's deadlock first.
        var report = Checker.Check(KernelTestKit.CompileLesson("broker-transient.ipl"), new CheckOptions { Runs = 1000, Strategy = SamplingStrategy.Random });

        Assert.True(report.RunsWithFindings > 0);
        Assert.Contains(report.First!.Findings, f => f.Kind == FindingKind.ExpectFailed && f.Text.Contains("processed >= 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DurableConfirmAckAcrossRestart_FindsNothingIn1000Schedules()
    {
        var report = Checker.Check(KernelTestKit.CompileLesson("broker-durable.ipl"), new CheckOptions { Runs = 1000 });

        Assert.Equal(0, report.RunsWithFindings);
    }

    [Theory]
    [InlineData("broker-transient.ipl", "Fault")]
    [InlineData("broker-durable.ipl", "")]
    public void Explore_RestartProgram_EverySchedulesVerdict(string lesson, string kinds)
    {
        var report = Explorer.Explore(KernelTestKit.CompileLesson(lesson), new ExploreOptions { MaxStates = 50_000 });

        Assert.True(report.IsExhaustive);
        Assert.Equal(kinds, string.Join(",", report.Findings.Select(f => f.Kind.ToString()).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("broker-transient.ipl", GuaranteeKind.AtMostOnce)]
    [InlineData("broker-durable.ipl", GuaranteeKind.AtLeastOnce)]
    public void Guarantee_BrokerCrashPoints_ShowTheRestartProgramsGuarantee(string lesson, GuaranteeKind expected)
    {
        var report = GuaranteeChecker.Check(KernelTestKit.CompileLesson(lesson), new CheckOptions { Runs = 1000 });

        Assert.Equal(expected, report.Kind);
        Assert.Equal(1000, report.Runs);
    }

    [Fact]
    public void Guarantee_TransientQueue_ShortestLossIsABrokerRestartThatReplays()
    {
        var program = KernelTestKit.CompileLesson("broker-transient.ipl");
        var report = GuaranteeChecker.Check(program, new CheckOptions { Runs = 300 });
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = 10_000 });

        Runner.Replay(kernel, report.Shrunk!.Schedule);

        Assert.Equal("rabbit", report.Shortest!.Crash!.Broker);
        Assert.StartsWith("rabbit crashes ", report.Shortest.Crash.Text, StringComparison.Ordinal);
        Assert.EndsWith(", down until its own step restarts it", report.Shortest.Crash.Text, StringComparison.Ordinal);
        var broker = program.Processes.ToList().FindIndex(p => p.Name == "rabbit");
        Assert.Contains(kernel.Schedule, e => e.Kind == ScheduleEntryKind.ProcessCrash && e.Thread == broker);
        Assert.Contains(kernel.Events, e => e.Kind == EventKind.MessageLostInRestart);
        var tally = MessageTally.Of(kernel.Events);
        Assert.All(report.Shrunk.Lost, m => Assert.Equal(0, tally.TimesHandled(kernel.Strings.Intern(m))));
    }

    [Fact]
    public void Guarantee_ProgramThatCrashesTheBrokerItself_NeverCrashesItWhileDownAndLosesOnlyUnconfirmedMessages()
    {
        // broker-downtime.ipl crashes rabbit itself: a broker crash point met while it is down is no
        // crash point (it cannot crash again), and only the thumbnails, published without confirms,
        // are ever lost.
        var report = GuaranteeChecker.Check(KernelTestKit.CompileLesson("broker-downtime.ipl"), new CheckOptions { Runs = 300 });

        Assert.Equal(300, report.Runs);
        Assert.All(report.Messages.Where(m => m.Message.Contains("photo", StringComparison.Ordinal)), m => Assert.Equal(0, m.Lost));
        Assert.Contains(report.Messages, m => m.Message.Contains("thumbnail", StringComparison.Ordinal) && m.Lost > 0);
    }

    [Fact]
    public void Explore_CrashOfTheBrokerByName_CrashesItOnceAndItsRestartIsAChoice()
    {
        var program = KernelTestKit.CompileLesson("broker-durable.ipl");
        var options = new ExploreOptions { MaxStates = 200_000, CrashThreads = [program.ThreadIdOf("rabbit")] };

        var report = Explorer.Explore(program, options);

        // The broker's thread crashed is the broker crashed, down until its own step restarts it:
        // never a broker that stays dead (a deadlock of the AI waiting for photos).
        Assert.True(report.IsExhaustive);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Tally_PublishWithConfirm_IsSentOnlyOnceConfirmed()
    {
        var program = KernelTestKit.Compile("""
            broker rabbit capacity 4
            exchange x type direct durable true
            bqueue q bind x key "k" durable true
            thread p:
                publish x, "k", "m", persistent, confirm
            """);
        var kernel = new Kernel(program, new KernelOptions());
        var p = program.ThreadIdOf("p");

        kernel.Step(p);
        Assert.Empty(MessageTally.Of(kernel.Events).Lost(new HashSet<long> { kernel.Strings.Intern("m") }));

        kernel.Step(program.ThreadIdOf("rabbit"));
        Assert.Single(MessageTally.Of(kernel.Events).Lost(new HashSet<long> { kernel.Strings.Intern("m") }));
    }
}
