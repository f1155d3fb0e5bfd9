using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Objects.Group;
using IpcLab.Core.Objects.MessageQueue;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

/// <summary>
/// The message-queue, group, topic and consumer-group sentences, byte for byte: every lesson with a message queue or a
/// group, and the scenarios in Sentences/, run under fixed schedules (round-robin, a few seeds, a
/// few with crashes injected), and each event's sentence, its JSON kind name and the thread it
/// names, and after every step what each thread queued on a message queue or a group waits for
/// (as a deadlock report and as the threads panel say it), must read exactly as the expected file says. Saved runs compare events by sentence, so a
/// sentence that changes breaks them. Run with UPDATE_SNAPSHOTS=1 to write the expected files.
/// </summary>
public sealed class MessagingSentenceSnapshotTests
{
    private static readonly string Folder = Path.Combine(KernelTestKit.RepoRoot, "tests", "IpcLab.Core.Tests", "Messaging", "Sentences");

    /// <summary>Misuse and dead ends: each script ends in a fault or a deadlock whose text is a sentence too.</summary>
    private static readonly string[] Misuses =
    [
        "group g capacity 1\nthread t:\n    join g\n    join g\n",
        "group g capacity 1\nthread t:\n    leave g\n",
        "group g capacity 1\nthread t:\n    unsubscribe g\n",
        "group g capacity 1\nthread t:\n    receive g -> x\n",
        "group g capacity 1\nthread t:\n    unicast g, \"nobody\", 1\n",
        "group g capacity 1\nthread t:\n    receive g -> x\nthread s:\n    pass\n    broadcast g, 1\n    broadcast g, 2\n",
        "mqueue q capacity 1\nthread t:\n    send q, 1, 32\n",
        "mqueue q capacity 1\nthread t:\n    send q, 1, 0 - 1\n",
        "mqueue q capacity 1\nthread t:\n    timedreceive q, 0 - 1 -> x, ok\n",
        "mqueue q capacity 1\nthread t:\n    send q, 1\n    timedsend q, 2, 0 - 2 -> ok\n",
        "mqueue q capacity 1\nthread t:\n    receive q -> x\n",
        "mqueue q capacity 1\nthread t:\n    send q, 1\n    send q, 2\n",
        "group g capacity 1\nthread m:\n    join g\n    receive g -> x\n    receive g -> y\nthread s:\n    multicast g, 1\n    multicast g, 2\n    multicast g, 3\n    anycast g, 4\n",
        "topic t retain 1\nconsumers g on t\nthread c:\n    poll g -> x\n",
        "topic t retain 1\nconsumers g on t\nthread c:\n    subscribe g\n    subscribe g\n",
        "topic t retain 1\nconsumers g on t\nthread c:\n    subscribe g\n    seek g, 0, 2\n",
        "topic t partitions 2 retain 1\nconsumers g on t\nthread c:\n    subscribe g\n    pass\n    seek g, 1, 0\nthread d:\n    subscribe g\n    pass\n    pass\n",
        "topic t retain 1\nconsumers g on t\nthread c:\n    subscribe g\n    poll g -> x\n",
    ];

    public static TheoryData<string> Scenarios() => new(ScenarioNames());

    /// <summary>Every lesson with a message queue or a group, then the scenarios of the Sentences folder.</summary>
    private static IEnumerable<string> ScenarioNames() =>
        KernelTestKit.LessonFiles().Where(UsesMessaging)
            .Concat(Directory.GetFiles(Folder, "*.ipl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sentences_MessagingScenarioUnderFixedSchedules_ReadAsRecorded(string scenario)
    {
        var program = Compile(scenario);
        var sb = new StringBuilder();
        foreach (var (schedule, run) in SchedulesFor(program))
        {
            Record(sb, schedule, program, run);
        }

        Check(Path.ChangeExtension(scenario, ".txt"), sb.ToString());
    }

    [Fact]
    public void Sentences_MessagingMisuseAndDeadEnds_ReadAsRecorded()
    {
        var sb = new StringBuilder();
        foreach (var source in Misuses)
        {
            sb.Append("# ").Append(source.Replace("\n", " / ", StringComparison.Ordinal)).Append('\n');
            Record(sb, "round-robin", KernelTestKit.Compile(source), k => Runner.Run(k, new RoundRobinScheduler()));
        }

        Check("misuse.txt", sb.ToString());
    }

    [Fact]
    public void Scenarios_AllTogether_EmitEveryMessagingEvent()
    {
        var kinds = new HashSet<EventKind>();
        foreach (var scenario in ScenarioNames())
        {
            var program = Compile(scenario);
            foreach (var (_, run) in SchedulesFor(program))
            {
                var kernel = KernelTestKit.NewKernel(program);
                run(kernel);
                kinds.UnionWith(kernel.Events.Select(e => e.Kind));
            }
        }

        var messagingEvents = Enum.GetValues<EventKind>().Where(k => ObjectModules.OwnerOf(k) is MessageQueueModule or GroupModule or TopicModule or ConsumerGroupModule);
        Assert.NotEmpty(messagingEvents);
        Assert.Equal([], messagingEvents.Where(k => !kinds.Contains(k)).ToArray());
    }

    /// <summary>
    /// The schedules of <see cref="Schedules"/>, and for a program with a replicated topic whose
    /// producers retry, one more whose first produce that can lose its acknowledgement loses it.
    /// </summary>
    private static IEnumerable<(string Name, Action<Kernel> Run)> SchedulesFor(CompiledProgram program) =>
        program.Objects.Any(o => o.Kind == ObjectKind.Topic && TopicSettings.IsReplicated(o) && TopicSettings.RetryingProducers(o))
            ? Schedules.Append(("random 1 with a lost acknowledgement", k => RunLosingAnAck(k, new RandomScheduler(1))))
            : Schedules;

    private static void RunLosingAnAck(Kernel kernel, RandomScheduler scheduler)
    {
        var runnable = new int[kernel.Layout.ThreadCount];
        var lost = false;
        for (var n = kernel.CollectRunnable(runnable); n > 0 && kernel.StepCount < kernel.Options.MaxSteps; n = kernel.CollectRunnable(runnable))
        {
            var thread = scheduler.ChooseThread(kernel, runnable.AsSpan(0, n));
            if (!lost && kernel.WhyCannotLoseAck(thread) is null)
            {
                kernel.InjectLostAck(thread);
                lost = true;
                continue;
            }

            kernel.Step(thread, scheduler);
        }

        Assert.True(lost, "no produce could lose its acknowledgement");
        kernel.Conclude();
    }

    /// <summary>Round-robin, five seeds, and three seeds with crashes of threads and processes injected.</summary>
    private static IEnumerable<(string Name, Action<Kernel> Run)> Schedules
    {
        get
        {
            yield return ("round-robin", k => Runner.Run(k, new RoundRobinScheduler()));
            foreach (var seed in new ulong[] { 1, 2, 3, 4, 5 })
            {
                yield return ($"random {seed}", k => Runner.Run(k, new RandomScheduler(seed)));
            }

            foreach (var (seed, injections) in new (ulong, int[])[] { (7, [0, 0, 0, 28]), (8, [0, 0, 0, 0, 0, 0, 30]), (9, [1, 2, 3, 4, 5, 6, 57, 1, 1, 61]) })
            {
                yield return ($"random {seed} with crashes", k => KernelTestKit.DriveWithInjections(k, new RandomScheduler(seed), injections));
            }
        }
    }

    /// <summary>A lesson by file name, or a scenario of the Sentences folder.</summary>
    private static CompiledProgram Compile(string scenario)
    {
        var path = Path.Combine(Folder, scenario);
        var text = File.Exists(path) ? File.ReadAllText(path) : KernelTestKit.LessonText(scenario);
        return KernelTestKit.Compile(text, scenario);
    }

    private static bool UsesMessaging(string lesson) =>
        KernelTestKit.CompileLesson(lesson).Objects.Any(o => o.Kind is ObjectKind.MessageQueue or ObjectKind.Group or ObjectKind.Topic or ObjectKind.ConsumerGroup);

    /// <summary>One run: its events, and after each step what every thread queued on a message queue or a group waits for ("description | state").</summary>
    private static void Record(StringBuilder sb, string schedule, CompiledProgram program, Action<Kernel> run)
    {
        sb.Append("## ").Append(schedule).Append('\n');
        var kernel = KernelTestKit.NewKernel(program);
        run(kernel);

        // A second kernel replays the run step by step, so the waits can be read after each one.
        var probe = KernelTestKit.NewKernel(program);
        var next = AppendEvents(sb, kernel, 0, 0);
        for (var step = 1; step <= kernel.Schedule.Count; step++)
        {
            probe.Apply(kernel.Schedule[step - 1]);
            next = AppendEvents(sb, kernel, next, step);
            AppendWaits(sb, probe);
        }

        Assert.Equal(kernel.Events.Count, next);
    }

    /// <summary>"12 [delivered worker-2] sender sends ...": the step, the JSON kind and the thread it names, the sentence.</summary>
    private static int AppendEvents(StringBuilder sb, Kernel kernel, int from, int step)
    {
        var i = from;
        for (; i < kernel.Events.Count && kernel.Events[i].Step == step; i++)
        {
            var e = kernel.Events[i];
            sb.Append(step).Append(" [").Append(EventText.KindName(e.Kind));
            if (e.Other >= 0 && EventText.OtherIsThread(e.Kind))
            {
                sb.Append(' ').Append(kernel.ThreadName(e.Other));
            }

            sb.Append("] ").Append(KernelTestKit.Describe(kernel, e)).Append('\n');
        }

        return i;
    }

    private static void AppendWaits(StringBuilder sb, Kernel kernel)
    {
        for (var t = 0; t < kernel.Program.Threads.Count; t++)
        {
            var obj = kernel.WaitObjectOf(t);
            if (obj >= 0 && kernel.Program.Objects[obj].Kind is ObjectKind.MessageQueue or ObjectKind.Group or ObjectKind.ConsumerGroup)
            {
                sb.Append("   ").Append(kernel.DescribeWait(t)).Append(" | ").Append(kernel.WaitStateOf(t)).Append('\n');
            }
        }
    }

    private static void Check(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPDATE_SNAPSHOTS=1 on code whose sentences are right, and commit the file");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }
}
