using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.Compilation;

/// <summary>
/// Scripts stitched from whole lines of every kind of object and operation, most of them
/// nonsense together: compiling one gives a program or a positioned ScriptError, never another
/// exception; and a program that compiles runs (invariants checked after every step) to its end
/// without the kernel throwing, and its schedule replays to the same state.
/// </summary>
public sealed class CompileAndRunFuzzTests
{
    private static readonly string[] Declarations =
    [
        "mutex m", "mutex g2 in seg", "cond c", "semaphore s = 1", "semaphore free = 1 in seg", "queue q capacity 2", "shared n = 0",
        "shm seg size 4", "socket e path \"/a\" backlog 1 buffer 2", "dgram d path \"/d\" capacity 1", "mqueue mq capacity 2",
        "group gr capacity 1 policy least-loaded full drop-oldest", "expect n >= 0", "expect seg[0] >= 0",
    ];

    // Every local a body line uses, given its type first, so that most stitched bodies compile.
    private const string Prologue = "x = 0\nfd = -1\ncfd = -1\nv = 0\nz = \"\"\ny = \"\"\nok = false\ngot = false\nsent = false\ndied = false\nrd = 0\n";

    private static readonly string[] BodyLines =
    [
        "lock m", "unlock m", "trylock m -> ok", "wait c, m", "signal c", "broadcast c", "P s", "V s", "P free", "V free",
        "put q, 1", "take q -> x", "n += 1", "n = n + x", "map seg", "unmap seg", "seg[0] += 1", "seg[0..1] = 2", "y = seg[1..2]",
        "lock g2 -> died", "lock g2", "unlock g2", "exit", "crash", "listen e -> fd", "accept fd -> cfd",
        "connect e -> fd", "send fd, \"hi\"", "recv fd, 2 -> z", "shutdown fd", "close fd", "select fd, cfd -> rd", "bind d -> fd",
        "sendto d, \"x\"", "send mq, 1, 3", "receive mq -> v", "trysend mq, 2 -> sent", "timedsend mq, 4, 2 -> sent", "timedsend mq, 5, 9, 1 -> sent", "timedreceive mq, 3 -> v, got", "join gr",
        "leave gr", "anycast gr, 1", "broadcast gr, 1", "multicast gr, 2", "unicast gr, \"t\", 3", "receive gr -> v",
        "print x, n", "assert n >= 0", "pass",
    ];

    private static readonly string[] Compound = ["if n > 0:", "while n < 2:", "for i in 1..2:", "repeat 2:"];

    /// <summary>A body: simple lines, some under a compound statement, at the given indentation.</summary>
    private static Gen<string> Body(string indent, params string[] extra) =>
        Gen.OneOf(
                Gen.Elements([.. BodyLines, .. extra]).Select(l => $"{indent}{l}\n"),
                Gen.Elements(Compound).Zip(Gen.Elements(BodyLines)).Select(p => $"{indent}{p.Item1}\n{indent}    {p.Item2}\n"))
            .NonEmptyListOf()
            .Select(lines => string.Concat(Prologue.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"{indent}{l}\n")) + string.Concat(lines));

    /// <summary>Some of the declarations (a missing one makes some uses compile errors), two processes and a thread.</summary>
    private static Gen<string> Scripts =>
        from keep in Gen.ArrayOf(Gen.Choose(0, 19), Declarations.Length)
        from p in Body("        ")
        from r in Body("        ")
        from t in Body("    ", "spawn p", "spawn r")
        let decls = Declarations.Where((_, i) => keep[i] > 0)
        select string.Join("\n", decls) + $"\nprocess p:\n    thread tp:\n{p}process r:\n    thread tr:\n{r}thread t:\n{t}";

    private static readonly List<string> Errors = [];

    [Fact]
    public void CompileAndRun_StitchedScripts_FailOnlyWithPositionedErrorsAndNeverCrashTheKernel()
    {
        var compiled = 0;
        Prop.ForAll(Scripts.ToArbitrary(), text =>
        {
            CompiledProgram program;
            try
            {
                program = Compiler.CompileText("fuzz.ipl", text);
            }
            catch (ScriptError error)
            {
                Errors.Add(error.Detail.Split(' ').Take(4).Aggregate((a, b) => a + " " + b));
                var lines = text.Split('\n');
                Assert.True(error.Pos.Line >= 1 && error.Pos.Line <= lines.Length, $"{error.Message}\n{text}");
                Assert.True(error.Pos.Column >= 1 && error.Pos.Column <= lines[error.Pos.Line - 1].Length + 1, $"{error.Message}\n{text}");
                return;
            }

            compiled++;
            IScheduler[] schedulers = [new RoundRobinScheduler(), new RandomScheduler(7)];
            foreach (var scheduler in schedulers)
            {
                var kernel = new Kernel(program, new KernelOptions { CheckInvariants = true, MaxSteps = 400 });
                var result = Runner.Run(kernel, scheduler);
                Assert.True(kernel.IsConcluded, $"the run did not conclude ({result.Outcome})\n{text}");

                // The schedule replays to the same events and state.
                var replayed = new Kernel(program, new KernelOptions { CheckInvariants = true, MaxSteps = 400 });
                Runner.Replay(replayed, kernel.Schedule);
                Assert.Equal(kernel.Events.Count, replayed.Events.Count);
                Assert.Equal(kernel.StateHash(), replayed.StateHash());
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1500).WithQuietOnSuccess(true).WithReplay(20_261_201UL, 0x5DEECE66DUL));

        // Proof that the generator reaches the kernel at all, not only the compiler's errors.
        Assert.True(compiled >= 500, $"only {compiled} of 1500 stitched scripts compiled: " + string.Join("; ", Errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Count()} {g.Key}")));
    }
}
