using IpcLab.Core.Model;

namespace IpcLab.Tui.App;

/// <summary>
/// The faults "find the bug" injects once the program's own schedules find nothing, as
/// <c>ipclab check --spurious --crash NAME</c> would: spurious wake-ups when a thread waits on a
/// condition variable (POSIX allows them, so a correct program survives them), and the crash of
/// each process whose code crashes it (<c>crash</c>) at any other step too, since a program that
/// crashes a process is about what survives it. Crashing processes a program never crashes itself
/// would mostly find that a lock held by a dead thread stays held, which every program with a lock
/// shows and none is about.
/// </summary>
public sealed record BugInjections(bool SpuriousWakeups, IReadOnlyList<int> CrashProcesses, IReadOnlyList<string> CrashNames)
{
    /// <summary>True when there is anything to inject.</summary>
    public bool Any => SpuriousWakeups || CrashProcesses.Count > 0;

    /// <summary>"spurious wake-ups and crashes of consumer at any step".</summary>
    public string Words
    {
        get
        {
            var parts = new List<string>();
            if (SpuriousWakeups)
            {
                parts.Add("spurious wake-ups");
            }

            if (CrashNames.Count > 0)
            {
                parts.Add($"crashes of {string.Join(" and ", CrashNames)} at any step");
            }

            return string.Join(" and ", parts);
        }
    }

    /// <summary>The command line's flags for the same injections: " --spurious --crash consumer".</summary>
    public string Flags => (SpuriousWakeups ? " --spurious" : "") + string.Concat(CrashNames.Select(n => " --crash " + n));

    public static BugInjections Of(CompiledProgram program)
    {
        var spurious = program.Threads.Any(t => t.Code.Any(i => i.Op == OpCode.CondWait));
        var crashed = program.Processes
            .Where(p => p.Threads.Any(t => program.Threads[t].Code.Any(i => i.Op == OpCode.CrashProcess)))
            .ToArray();
        return new BugInjections(spurious, [.. crashed.Select(p => p.Id)], [.. crashed.Select(p => p.Name)]);
    }
}
