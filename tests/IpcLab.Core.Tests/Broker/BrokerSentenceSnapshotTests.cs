using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// The broker's sentences, byte for byte: every program in lessons/ with a broker, and the
/// scenarios in Sentences/, under fixed schedules (round-robin, seeds, seeds with crashes
/// injected): each event's sentence with its JSON kind and the thread it names, and after every
/// step what each thread queued on a broker or a broker queue waits for. Saved runs compare events
/// by sentence, so a sentence that changes breaks them. Run with UPDATE_SNAPSHOTS=1 to write the
/// expected files.
/// </summary>
public sealed class BrokerSentenceSnapshotTests
{
    private static readonly string Folder = Path.Combine(KernelTestKit.RepoRoot, "tests", "IpcLab.Core.Tests", "Broker", "Sentences");

    private static readonly string[] Misuses =
    [
        "broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    receive q -> v, tag\n",
        "broker b capacity 2\nthread t:\n    ack 1\n",
        "broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    consume q\n    consume q\n",
        "broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    consume q, 0 - 1\n",
        "broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    consume q\n    receive q -> v, tag\n",
        "broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread p:\n    publish x, \"\", \"m\"\nthread t:\n    consume q\n    receive q -> v, tag\n    ack tag\n    ack tag\n",
    ];

    public static TheoryData<string> Scenarios() => new(ScenarioNames());

    private static IEnumerable<string> ScenarioNames() =>
        KernelTestKit.LessonFiles().Where(l => KernelTestKit.CompileLesson(l).Objects.Any(o => o.Kind == ObjectKind.Broker))
            .Concat(Directory.GetFiles(Folder, "*.ipl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sentences_BrokerScenarioUnderFixedSchedules_ReadAsRecorded(string scenario)
    {
        var program = Compile(scenario);
        var sb = new StringBuilder();
        foreach (var (schedule, run) in Schedules)
        {
            Record(sb, schedule, program, run);
        }

        Check(Path.ChangeExtension(scenario, ".txt"), sb.ToString());
    }

    [Fact]
    public void Sentences_BrokerMisuse_ReadAsRecorded()
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
    public void Scenarios_AllTogether_EmitEveryBrokerEvent()
    {
        var kinds = new HashSet<EventKind>();
        foreach (var scenario in ScenarioNames())
        {
            var program = Compile(scenario);
            foreach (var (_, run) in Schedules)
            {
                var kernel = KernelTestKit.NewKernel(program);
                run(kernel);
                kinds.UnionWith(kernel.Events.Select(e => e.Kind));
            }
        }

        var brokerEvents = Enum.GetValues<EventKind>().Where(k => ObjectModules.OwnerOf(k) is BrokerModule or BrokerQueueModule).ToArray();
        Assert.NotEmpty(brokerEvents);
        Assert.Equal([], brokerEvents.Where(k => !kinds.Contains(k)).ToArray());
    }

    private static IEnumerable<(string Name, Action<Kernel> Run)> Schedules
    {
        get
        {
            yield return ("round-robin", k => Runner.Run(k, new RoundRobinScheduler()));
            foreach (var seed in new ulong[] { 1, 2, 3 })
            {
                yield return ($"random {seed}", k => Runner.Run(k, new RandomScheduler(seed)));
            }

            foreach (var (seed, injections) in new (ulong, int[])[] { (7, [0, 0, 0, 0, 0, 0, 0, 28]), (9, [1, 2, 3, 4, 5, 6, 57, 1, 1, 61]) })
            {
                yield return ($"random {seed} with crashes", k => KernelTestKit.DriveWithInjections(k, new RandomScheduler(seed), injections));
            }
        }
    }

    private static CompiledProgram Compile(string scenario)
    {
        var path = Path.Combine(Folder, scenario);
        var text = File.Exists(path) ? File.ReadAllText(path) : KernelTestKit.LessonText(scenario);
        return KernelTestKit.Compile(text, scenario);
    }

    private static void Record(StringBuilder sb, string schedule, CompiledProgram program, Action<Kernel> run)
    {
        sb.Append("## ").Append(schedule).Append('\n');
        var kernel = KernelTestKit.NewKernel(program);
        run(kernel);
        var probe = KernelTestKit.NewKernel(program);
        var next = AppendEvents(sb, kernel, 0, 0);
        for (var step = 1; step <= kernel.Schedule.Count; step++)
        {
            probe.Apply(kernel.Schedule[step - 1]);
            next = AppendEvents(sb, kernel, next, step);
            for (var t = 0; t < probe.Program.Threads.Count; t++)
            {
                var obj = probe.WaitObjectOf(t);
                // The idle broker is left out: it is a daemon, not a waiter, and would repeat at every step.
                if (obj >= 0 && probe.Program.Objects[obj].Kind is ObjectKind.Broker or ObjectKind.BrokerQueue && probe.Program.Objects[obj].Name != probe.ThreadName(t))
                {
                    sb.Append("   ").Append(probe.DescribeWait(t)).Append(" | ").Append(probe.WaitStateOf(t)).Append('\n');
                }
            }
        }

        Assert.Equal(kernel.Events.Count, next);
    }

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
