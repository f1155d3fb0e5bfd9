using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The choices an exploration tries from every state besides the threads' steps, when asked:
/// a spurious wake-up of each thread waiting on a condition variable, a crash of each named
/// thread or process (a broker, the AMQP one or a replica's, is crashed once a run and restarts by
/// its own later step, a choice like any thread's). Each is a schedule entry of its own, so the run
/// to a finding replays.
/// </summary>
internal static class InjectedChoices
{
    /// <summary>True when the injection can happen in the state just loaded: its thread waits on a condition variable, or is (its process has) not ended; a broker is crashed once a run.</summary>
    public static bool CanInject(Kernel kernel, ScheduleEntry injection) => !kernel.CrashesABrokerAgain(injection) && injection.Kind switch
    {
        ScheduleEntryKind.SpuriousWakeup => kernel.StatusOf(injection.Thread) == ThreadStatus.Waiting
            && kernel.Program.Objects[kernel.WaitObjectOf(injection.Thread)].Kind == ObjectKind.CondVar,
        ScheduleEntryKind.Crash => kernel.WhyCannotCrash(injection.Thread) is null,
        _ => kernel.WhyCannotCrashProcess(injection.Thread) is null,
    };

    /// <summary>The injected choices tried from every state, after the threads' steps.</summary>
    public static IReadOnlyList<ScheduleEntry> Of(CompiledProgram program, ExploreOptions options) => [.. Each(program, options)];

    private static IEnumerable<ScheduleEntry> Each(CompiledProgram program, ExploreOptions options)
    {
        if (options.SpuriousWakeups && program.Objects.Any(o => o.Kind == ObjectKind.CondVar))
        {
            foreach (var thread in program.Threads)
            {
                yield return new ScheduleEntry(ScheduleEntryKind.SpuriousWakeup, thread.Id);
            }
        }

        foreach (var thread in options.CrashThreads)
        {
            yield return new ScheduleEntry(ScheduleEntryKind.Crash, thread);
        }

        foreach (var process in options.CrashProcesses)
        {
            yield return new ScheduleEntry(ScheduleEntryKind.ProcessCrash, process);
        }
    }
}
