namespace IpcLab.Core.Model;

/// <summary>A simulated process: a name and the threads it holds.</summary>
/// <param name="Id">Index in <see cref="CompiledProgram.Processes"/>; process 0 is "main" when the script declares none.</param>
public sealed record ProcessInfo(int Id, string Name, IReadOnlyList<int> Threads)
{
    /// <summary>True when some thread spawns this process: its threads wait, not started, until then.</summary>
    public bool StartsOnSpawn { get; init; }
}
