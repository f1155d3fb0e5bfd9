namespace IpcLab.Core.Model;

/// <summary>
/// A script compiled for the kernel: its objects, processes, thread instances and final checks.
/// Immutable once built; any number of kernels can run it.
/// </summary>
public sealed class CompiledProgram
{
    public required string File { get; init; }

    /// <summary>The script text, kept so a saved run can carry its scenario.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<ObjectInfo> Objects { get; init; }

    public required IReadOnlyList<ProcessInfo> Processes { get; init; }

    public required IReadOnlyList<ThreadInfo> Threads { get; init; }

    public required IReadOnlyList<Expectation> Expectations { get; init; }

    /// <summary>String literals; the kernel's string table gives literal i the id i.</summary>
    public required IReadOnlyList<string> Literals { get; init; }

    public int CountOf(ObjectKind kind) => Objects.Count(o => o.Kind == kind);

    public IEnumerable<ObjectInfo> ObjectsOf(ObjectKind kind) => Objects.Where(o => o.Kind == kind);

    /// <summary>The object of a kind at a per-kind slot.</summary>
    public ObjectInfo ObjectAt(ObjectKind kind, int slot) => Objects.First(o => o.Kind == kind && o.Slot == slot);

    public int ThreadIdOf(string name)
    {
        for (var i = 0; i < Threads.Count; i++)
        {
            if (Threads[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The source lines, 0-based, for views that show a thread's program.</summary>
    public IReadOnlyList<string> SourceLines => _lines ??= Source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private string[]? _lines;
}
