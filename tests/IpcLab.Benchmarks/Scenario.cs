using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;

namespace IpcLab.Benchmarks;

/// <summary>The scenario every benchmark runs, and helpers shared by the benchmark classes.</summary>
public static class Scenario
{
    /// <summary>The correct bounded buffer: 2 producers, 2 consumers, capacity 2, 10,000 items in total.</summary>
    public const string Text = """
        queue buffer capacity 2
        mutex m
        cond notFull, notEmpty

        thread producer * 2:
            for i in 1..5000:
                lock m
                while full(buffer):
                    wait notFull, m
                put buffer, i
                signal notEmpty
                unlock m

        thread consumer * 2:
            repeat 5000:
                lock m
                while empty(buffer):
                    wait notEmpty, m
                take buffer -> job
                signal notFull
                unlock m
        """;

    /// <summary>
    /// Between processes: a dispatcher sends 2,000 jobs through a message queue to a worker,
    /// which sends a result for each over a stream socket to a collector (buffer of 8 bytes, so
    /// sends and receives block and wake all the time).
    /// </summary>
    public const string IpcText = """
        mqueue jobs capacity 4
        socket results path "/tmp/results" backlog 1 buffer 8
        semaphore ready

        process dispatcher:
            thread dispatch:
                for i in 1..2000:
                    send jobs, i
                send jobs, 0

        process worker:
            thread work:
                P ready
                connect results -> fd
                receive jobs -> job
                while job != 0:
                    send fd, "r;"
                    receive jobs -> job
                shutdown fd
                close fd

        process collector:
            thread collect:
                listen results -> lfd
                V ready
                accept lfd -> fd
                recv fd -> s
                while s != "":
                    recv fd -> s
                close fd
                close lfd
        """;

    /// <summary>The seed of every run: a seed fixes the schedule, so it fixes the step count.</summary>
    public const ulong Seed = 42;

    public const int MaxSteps = 10_000_000;

    public static CompiledProgram Compile() => Compiler.CompileText("bench.ipl", Text);

    /// <summary>The program a benchmark parameter names: "bounded-buffer", "sockets+mqueue", "broker" or "log".</summary>
    public static CompiledProgram Compile(string name) => name switch
    {
        "bounded-buffer" => Compile(),
        "sockets+mqueue" => Compiler.CompileText("ipc.ipl", IpcText),
        "broker" => Compiler.CompileText("broker.ipl", BrokerScenario.Text),
        "log" => Compiler.CompileText("log.ipl", LogScenario.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such benchmark program"),
    };

    public static Kernel NewKernel(CompiledProgram program, bool events, bool invariants) =>
        new(program, new KernelOptions
        {
            RecordEvents = events,
            RecordSchedule = events,
            CheckInvariants = invariants,
            MaxSteps = MaxSteps,
        });

    /// <summary>One whole run from step 0; throws unless every thread finished and the run completed.</summary>
    public static RunResult RunOnce(Kernel kernel)
    {
        kernel.Reset();
        var result = Runner.Run(kernel, new RandomScheduler(Seed));
        if (result.Outcome != RunOutcome.Completed)
        {
            var why = result.Findings.Count > 0 ? result.Findings[0].ToString() : "no finding";
            throw new InvalidOperationException($"the benchmark scenario did not complete: {result.Outcome} after {result.Steps} steps ({why})");
        }

        return result;
    }

    /// <summary>The steps of one run under <see cref="Seed"/> (the same whatever is recorded).</summary>
    public static int StepsPerRun(string program) => RunOnce(NewKernel(Compile(program), events: false, invariants: false)).Steps;
}
