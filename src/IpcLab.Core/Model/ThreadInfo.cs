namespace IpcLab.Core.Model;

/// <summary>One thread instance. Instances of <c>thread producer * 2</c> share their code.</summary>
/// <param name="Id">Index in <see cref="CompiledProgram.Threads"/>.</param>
/// <param name="Name">Unique name: "consumer", or "producer-1", "producer-2" for counted threads.</param>
/// <param name="Template">The thread block's name as written ("producer").</param>
/// <param name="Instance">1-based instance number (1 for an uncounted thread).</param>
/// <param name="Code">The thread's instructions; execution starts at 0.</param>
/// <param name="Locals">Names and types of the thread's local slots (hidden temporaries start with '$').</param>
public sealed record ThreadInfo(
    int Id,
    string Name,
    string Template,
    int Instance,
    int Process,
    Instr[] Code,
    IReadOnlyList<LocalInfo> Locals)
{
    /// <summary>
    /// The groups (object ids, ascending) whose segment this thread is attached to: those its program
    /// receives from (receive, tryreceive, timedreceive) or joins. While the thread is alive (started,
    /// not ended) a broadcast to such a group reaches it, whether it has joined or not.
    /// </summary>
    public IReadOnlyList<int> AttachedGroups { get; init; } = [];
}

/// <summary>A local variable slot of a thread.</summary>
public sealed record LocalInfo(string Name, ValueKind Kind)
{
    public bool IsHidden => Name.StartsWith('$');
}
