using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Processes;

/// <summary>
/// Processes: spawn starts the threads of a process that waited to be spawned; exit ends the
/// caller's whole process normally; crash ends it badly. Whatever a process leaves behind (robust
/// mutexes, mappings, descriptors, group memberships) each object module cleans up in its
/// <see cref="KernelModule.OnProcessEnd"/>.
/// </summary>
internal sealed class ProcessesModule : KernelModule
{
    public override string Name => "processes";

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Spawn, "spawn"),
        new(OpCode.Exit, "exit") { Shape = new("exit", null) },
        new(OpCode.CrashProcess, "crash") { Shape = new("crash", null) },
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.Spawned, EventClass.Other, "spawned"),
        new(EventKind.ProcessExited, EventClass.Other, "process-exited"),
        new(EventKind.ProcessCrashed, EventClass.Fault, "process-crashed"),
    ];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        switch (instr.Op)
        {
            case OpCode.Spawn: Spawn(k, t, pc, instr); break;
            case OpCode.Exit: Exit(k, t, pc); break;
            default: k.CrashProcess(k.ProcessOf(t), t, pc); break;
        }
    }

    private static void Spawn(IKernelServices k, int t, int pc, Instr instr)
    {
        var process = k.Program.Processes[instr.A];
        if (process.Threads.Any(x => k.StatusOf(x) != ThreadStatus.NotStarted))
        {
            throw new ThreadFaultException($"spawns {process.Name}, which has already been spawned (a process starts once)");
        }

        foreach (var x in process.Threads)
        {
            k.Start(x);
        }

        k.Emit(EventKind.Spawned, t, pc, other: instr.A, value: process.Threads.Count);
        k.MoveTo(t, instr.Next);
    }

    /// <summary><c>exit</c>: the caller's whole process ends normally; its other threads stop where they are.</summary>
    private static void Exit(IKernelServices k, int t, int pc)
    {
        var process = k.ProcessOf(t);
        var stopped = 0;
        foreach (var x in k.Program.Processes[process].Threads)
        {
            if (x != t && !k.HasEnded(x))
            {
                stopped++;
                k.Stop(x);
            }
        }

        k.Emit(EventKind.ProcessExited, t, pc, other: process, value: stopped);
        k.MoveTo(t, -1);
        k.AfterProcessEnded(process);
    }

    public override string Describe(in EventWords w)
    {
        var e = w.Event;
        var process = w.Program.Processes[e.Other].Name;
        return e.Kind switch
        {
            EventKind.Spawned => $"{w.Who} spawns process {process} ({EventWords.Plural(e.Value, "thread")} start)",
            EventKind.ProcessExited => e.Value == 0
                ? $"{w.Who} exits: process {process} ends, its descriptors close"
                : $"{w.Who} exits: process {process} ends, {e.Value} other thread{(e.Value == 1 ? "" : "s")} stop, its descriptors close",
            EventKind.ProcessCrashed => CrashText(w, process),
            _ => NotMine(w),
        };
    }

    private static string CrashText(in EventWords w, string process)
    {
        var e = w.Event;
        var by = e.Thread >= 0 ? $"{w.Who} crashes its process {process}" : $"process {process} crashes";
        var descriptors = w.Program.Objects.Any(o => o.Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket) ? ", its descriptors close" : "";
        var memory = w.Program.Objects.Any(o => o.Kind == ObjectKind.SharedMemory) ? ", what it held in shared memory stays held" : "";
        return $"{by}: {EventWords.Plural(e.Value, "thread")} stopped{descriptors}{memory}";
    }
}
