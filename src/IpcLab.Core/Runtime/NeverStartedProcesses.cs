using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>
/// The processes that can never start, whatever the schedule: a process that waits to be spawned
/// starts only if a process that spawns it (a `spawn` in one of its threads) starts first. Those
/// that start on their own start; a spawned one can start when one of its spawners can. What is
/// left (two processes that spawn each other, and whatever only they spawn) never starts.
/// </summary>
public static class NeverStartedProcesses
{
    /// <summary>Each process with threads that can never start, with why in words, in process order.</summary>
    public static IReadOnlyList<(int Process, string Why)> Of(CompiledProgram program)
    {
        var spawners = program.Processes.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var thread in program.Threads)
        {
            foreach (var instr in thread.Code.Where(i => i.Op == OpCode.Spawn))
            {
                spawners[instr.A].Add(thread.Process);
            }
        }

        var canStart = program.Processes.Select(p => !p.StartsOnSpawn).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var p = 0; p < canStart.Length; p++)
            {
                if (!canStart[p] && spawners[p].Any(s => canStart[s]))
                {
                    canStart[p] = changed = true;
                }
            }
        }

        return program.Processes
            .Where(p => !canStart[p.Id] && p.Threads.Count > 0)
            .Select(p => (p.Id, Why(program, p, spawners[p.Id])))
            .ToArray();
    }

    private static string Why(CompiledProgram program, ProcessInfo process, SortedSet<int> spawners)
    {
        var names = spawners.Select(s => program.Processes[s].Name).ToArray();
        var who = names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return names.Length == 1
            ? $"process {process.Name} never started: only {who} spawns it, and {who} never started"
            : $"process {process.Name} never started: only {who} spawn it, and none of them ever started";
    }
}
