using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>Compiles scripts, finds lessons, and drives kernels through generated schedules.</summary>
public static class KernelTestKit
{
    /// <summary>Options for every kernel in these tests: invariants are always checked after every step.</summary>
    public static readonly KernelOptions Options = new() { CheckInvariants = true };

    private static readonly Lazy<string> _repoRoot = new(FindRepoRoot);

    /// <summary>
    /// FsCheck settings: a fixed seed so every run is the same, quiet unless a property fails, and
    /// then FsCheck throws with the shrunk counterexample in its message.
    /// </summary>
    public static Config Config(int maxTest) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(20_260_107UL, 0x2545F4914F6CDD1DUL);

    /// <summary>Generated schedule choices: any ints, shrinking towards shorter lists of smaller numbers.</summary>
    public static Arbitrary<int[]> Choices => ArbMap.Default.ArbFor<int[]>();

    public static CompiledProgram Compile(string text, string file = "test.ipl")
    {
        try
        {
            return Compiler.CompileText(file, text);
        }
        catch (ScriptError error)
        {
            throw new InvalidOperationException($"{error.Message}\nin the script:\n{text}", error);
        }
    }

    public static Kernel NewKernel(string text, KernelOptions? options = null) =>
        NewKernel(Compile(text), options);

    public static Kernel NewKernel(CompiledProgram program, KernelOptions? options = null)
    {
        options ??= Options;
        Assert.True(options.CheckInvariants, "kernel tests always check invariants");
        return new Kernel(program, options);
    }

    public static string RepoRoot => _repoRoot.Value;

    /// <summary>The lessons/*.ipl files of the repository, by file name.</summary>
    public static IReadOnlyList<string> LessonFiles() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "lessons"), "*.ipl")
            .Select(Path.GetFileName)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string LessonText(string fileName) => File.ReadAllText(Path.Combine(RepoRoot, "lessons", fileName));

    public static CompiledProgram CompileLesson(string fileName) => Compile(LessonText(fileName), fileName);

    public static int ObjectId(Kernel kernel, string name) =>
        kernel.Program.Objects.Single(o => o.Name == name).Id;

    public static int ThreadId(Kernel kernel, string name)
    {
        var id = kernel.Program.ThreadIdOf(name);
        Assert.True(id >= 0, $"no thread named {name}");
        return id;
    }

    /// <summary>Every event's sentence, in order.</summary>
    public static string[] Sentences(Kernel kernel) =>
        kernel.Events.Select(e => EventText.Describe(e, kernel.Program, kernel.Strings)).ToArray();

    /// <summary>The events of one step.</summary>
    public static KernelEvent[] EventsOfStep(Kernel kernel, int step) =>
        kernel.Events.Where(e => e.Step == step).ToArray();

    public static string Describe(Kernel kernel, KernelEvent e) => EventText.Describe(e, kernel.Program, kernel.Strings);

    /// <summary>Steps each named thread in turn, by name.</summary>
    public static void StepAll(Kernel kernel, params string[] threads)
    {
        foreach (var name in threads)
        {
            kernel.Step(ThreadId(kernel, name));
        }
    }

    /// <summary>
    /// Like <see cref="Runner.Run"/>, but calls <paramref name="afterStep"/> after every step (and
    /// once before the first), so a property can inspect every state the run passes through.
    /// </summary>
    public static RunResult Drive(Kernel kernel, IScheduler scheduler, Action<Kernel>? afterStep = null)
    {
        var runnable = new int[kernel.Layout.ThreadCount];
        afterStep?.Invoke(kernel);
        while (true)
        {
            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                break;
            }

            if (kernel.StepCount >= kernel.Options.MaxSteps)
            {
                kernel.ExhaustBudget();
                break;
            }

            kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            afterStep?.Invoke(kernel);
        }

        kernel.Conclude();
        return RunResult.Of(kernel);
    }

    /// <summary>
    /// Drives a run like <see cref="Drive"/>, but also injects faults where <paramref name="injections"/>
    /// says so: at step i, x = injections[i mod len]; x mod 8 = 7 wakes a waiting thread spuriously,
    /// x mod 29 = 28 crashes a thread that has not ended, x mod 31 = 30 crashes a whole live
    /// process; otherwise a ready thread steps. Then concludes the run.
    /// </summary>
    public static RunResult DriveWithInjections(Kernel kernel, IScheduler scheduler, IReadOnlyList<int> injections, Action<Kernel>? afterStep = null)
    {
        var threads = Enumerable.Range(0, kernel.Layout.ThreadCount).ToArray();
        var runnable = new int[threads.Length];
        for (var i = 0; ; i++)
        {
            if (kernel.StepCount >= kernel.Options.MaxSteps)
            {
                kernel.ExhaustBudget();
                break;
            }

            var x = injections.Count == 0 ? 0 : injections[i % injections.Count] & int.MaxValue;
            var waiting = threads.Where(t => kernel.StatusOf(t) == ThreadStatus.Waiting).ToArray();
            if (x % 8 == 7 && waiting.Length > 0)
            {
                kernel.InjectSpuriousWakeup(waiting[x / 8 % waiting.Length]);
                afterStep?.Invoke(kernel);
                continue;
            }

            // A replica's broker crashes once a run, as the explorer crashes it: it never ends, so crashes at a
            // fixed rhythm would otherwise take it down and bring it back until the step budget runs out.
            var alive = threads.Where(t => kernel.WhyCannotCrash(t) is null && !ReplicaCrashedBefore(kernel, new ScheduleEntry(ScheduleEntryKind.Crash, t))).ToArray();
            if (x % 29 == 28 && alive.Length > 0)
            {
                kernel.InjectCrash(alive[x / 29 % alive.Length]);
                afterStep?.Invoke(kernel);
                continue;
            }

            var processes = Enumerable.Range(0, kernel.Program.Processes.Count).Where(p => kernel.WhyCannotCrashProcess(p) is null && !ReplicaCrashedBefore(kernel, new ScheduleEntry(ScheduleEntryKind.ProcessCrash, p))).ToArray();
            if (x % 31 == 30 && processes.Length > 0)
            {
                kernel.InjectProcessCrash(processes[x / 31 % processes.Length]);
                afterStep?.Invoke(kernel);
                continue;
            }

            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                break;
            }

            kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            afterStep?.Invoke(kernel);
        }

        kernel.Conclude();
        return RunResult.Of(kernel);
    }

    private static bool ReplicaCrashedBefore(Kernel kernel, ScheduleEntry crash) =>
        (crash.Kind == ScheduleEntryKind.Crash ? ReplicaFailover.BrokerOfThread(kernel.Program, crash.Thread) : ReplicaFailover.BrokerOfProcess(kernel.Program, crash.Thread)) is not null
        && kernel.CrashesABrokerAgain(crash);

    /// <summary>
    /// The state as a learner sees it: each object as its module spells it (values with strings by
    /// content, owners, counts, queue items, socket buffers), descriptors and messages from the kernel's queries, and
    /// each thread's pc, status, what it waits on and its place in that queue, its fault and its
    /// locals. No tickets, no queue counters.
    /// </summary>
    public static string LogicalState(Kernel kernel)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var o in kernel.Program.Objects)
        {
            sb.Append(o.Name).Append('=').Append(o.Kind switch
            {
                ObjectKind.MessageQueue => IpcState.MessageQueue(kernel, o),
                ObjectKind.Group => IpcState.Group(kernel, o),
                _ => StateDump.ObjectState(kernel, o),
            }).Append(';');
        }

        sb.Append(IpcState.Descriptors(kernel));

        foreach (var t in kernel.Program.Threads)
        {
            var wait = kernel.WaitObjectOf(t.Id);
            var rank = wait < 0 ? -1 : kernel.WaitersOf(wait).ToList().IndexOf(t.Id);
            sb.Append($"|{t.Name} pc={kernel.PcOf(t.Id)} {kernel.StatusOf(t.Id)} on={wait}#{rank} fault={kernel.FaultOf(t.Id)}{IpcState.OfThread(kernel, t.Id)}");
            for (var i = 0; i < t.Locals.Count; i++)
            {
                sb.Append(' ').Append(kernel.Format(t.Locals[i].Kind, kernel.LocalValue(t.Id, i)));
            }
        }

        return sb.ToString();
    }

    /// <summary>The run as text, to make a failing property's report readable.</summary>
    public static string Trace(Kernel kernel) =>
        string.Join("\n", kernel.Events.Select(e => $"  {e.Step,4}: {Describe(kernel, e)}"));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpcLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no IpcLab.sln above {AppContext.BaseDirectory}");
    }
}
