using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

/// <summary>
/// The socket sentences, byte for byte: every socket lesson and the scenarios in Sentences/ run
/// under fixed schedules (round-robin, a few seeds, a few with process crashes), and each event's
/// sentence and each socket wait, after every step, must read exactly as the expected file says.
/// Saved runs compare events by sentence, so a sentence that changes breaks them.
/// Run with UPDATE_SNAPSHOTS=1 to write the expected files.
/// </summary>
public sealed class SocketSentenceSnapshotTests
{
    private static readonly string Folder = Path.Combine(KernelTestKit.RepoRoot, "tests", "IpcLab.Core.Tests", "Sockets", "Sentences");

    /// <summary>Misuse: each script ends in a fault whose message is a sentence too.</summary>
    private static readonly string[] Misuses =
    [
        "thread t:\n    fd = 42\n    recv fd, 1 -> s\n",
        "socket e path \"/a\"\nthread t:\n    connect e -> fd\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    listen e -> l2\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    recv l, 1 -> s\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    recv l, 0 -> s\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    send l, \"x\"\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    shutdown l\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    connect e -> c\n    accept c -> s\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    connect e -> c\n    close l\n    send c, \"x\"\n",
        "socket e path \"/a\"\nthread t:\n    listen e -> l\n    connect e -> c\n    shutdown c\n    send c, \"x\"\n",
        "socket e path \"/a\" backlog 4 connections 1\nthread t:\n    listen e -> l\n    connect e -> c\n    connect e -> c2\n",
        "socket e path \"/a\" backlog 16 connections 16\nthread t:\n    listen e -> l\n    repeat 8:\n        connect e -> c\n",
        "dgram d path \"/d\"\nthread t:\n    bind d -> fd\n    bind d -> fd2\n",
        "dgram d path \"/d\"\nthread t:\n    bind d -> fd\n    send fd, \"x\"\n",
        "dgram d path \"/d\"\nthread t:\n    bind d -> fd\n    shutdown fd\n",
        "dgram d path \"/d\"\nthread t:\n    sendto d, \"x\"\n",
        "thread t:\n    select -1, -2 -> r\n",
        "thread t:\n    poll -1 -> r\n",
        "thread t:\n    poll 7 -> r\n",
    ];

    /// <summary>Every socket lesson, then every scenario of Sentences/.</summary>
    internal static string[] ScenarioNames() =>
    [
        .. KernelTestKit.LessonFiles().Where(UsesSockets),
        .. Directory.GetFiles(Folder, "*.ipl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> Scenarios() => new(ScenarioNames());

    /// <summary>The script of a scenario: a lesson, or a file of Sentences/.</summary>
    internal static string ScenarioText(string scenario) =>
        File.Exists(Path.Combine(Folder, scenario)) ? File.ReadAllText(Path.Combine(Folder, scenario)) : KernelTestKit.LessonText(scenario);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sentences_SocketScenarioUnderFixedSchedules_ReadAsRecorded(string scenario)
    {
        var program = KernelTestKit.Compile(ScenarioText(scenario), scenario);
        var sb = new StringBuilder();
        Record(sb, "round-robin", program, k => Runner.Run(k, new RoundRobinScheduler()));
        foreach (var seed in new ulong[] { 1, 2, 3, 4, 5 })
        {
            Record(sb, $"random {seed}", program, k => Runner.Run(k, new RandomScheduler(seed)));
        }

        foreach (var (seed, injections) in new (ulong, int[])[] { (7, [0, 0, 0, 30]), (8, [0, 0, 0, 0, 0, 0, 61]), (9, [1, 2, 3, 4, 5, 6, 92, 1, 1]) })
        {
            Record(sb, $"random {seed} with crashes", program, k => KernelTestKit.DriveWithInjections(k, new RandomScheduler(seed), injections));
        }

        Check(Path.ChangeExtension(scenario, ".txt"), sb.ToString());
    }

    [Fact]
    public void Sentences_SocketMisuse_ReadAsRecorded()
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
    public void Scenarios_AllTogether_EmitEverySocketEvent()
    {
        var kinds = Directory.GetFiles(Folder, "*.ipl")
            .Select(f => KernelTestKit.Compile(File.ReadAllText(f), Path.GetFileName(f)))
            .SelectMany(p =>
            {
                var k = KernelTestKit.NewKernel(p);
                Runner.Run(k, new RoundRobinScheduler());
                return k.Events.Select(e => e.Kind);
            })
            .ToHashSet();

        EventKind[] socketEvents =
        [
            EventKind.SocketListened, EventKind.SocketConnected, EventKind.SocketAccepted, EventKind.SocketSent,
            EventKind.SocketReceived, EventKind.SocketEndOfFile, EventKind.SocketBlocked, EventKind.SocketWoken,
            EventKind.SocketShutdown, EventKind.SocketClosed, EventKind.Selected, EventKind.SocketBound,
            EventKind.DatagramSent, EventKind.DatagramReceived,
        ];
        Assert.Equal([], socketEvents.Where(k => !kinds.Contains(k)).ToArray());
    }

    private static bool UsesSockets(string lesson)
    {
        var program = KernelTestKit.CompileLesson(lesson);
        return program.Objects.Any(o => o.Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket);
    }

    /// <summary>One run: its sentences, and after each step what every thread queued on a socket waits for.</summary>
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

    private static int AppendEvents(StringBuilder sb, Kernel kernel, int from, int step)
    {
        var i = from;
        for (; i < kernel.Events.Count && kernel.Events[i].Step == step; i++)
        {
            sb.Append(step).Append(": ").Append(KernelTestKit.Describe(kernel, kernel.Events[i])).Append('\n');
        }

        return i;
    }

    private static void AppendWaits(StringBuilder sb, Kernel kernel)
    {
        for (var t = 0; t < kernel.Program.Threads.Count; t++)
        {
            var obj = kernel.WaitObjectOf(t);
            if (obj >= 0 && kernel.Program.Objects[obj].Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket)
            {
                var state = kernel.WaitStateOf(t) ?? "(no wait state)";
                sb.Append("   ").Append(kernel.DescribeWait(t)).Append(" | ").Append(state).Append('\n');
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
