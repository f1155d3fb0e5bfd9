using IpcLab.Core.Model;

namespace IpcLab.Core.Objects;

/// <summary>An operation a module owns: the instruction and the words a script writes for it.</summary>
/// <param name="Words">The statement words that compile to it ("V", "post"); empty for an instruction the compiler makes itself (the re-acquire half of a wait).</param>
public readonly record struct OpSpec(OpCode Op, params string[] Words)
{
    /// <summary>How a plain operation is written (the compiler reads it); null when the compiler has a form of its own for it (wait c, m; put q, v).</summary>
    public OpShape? Shape { get; init; }
}
