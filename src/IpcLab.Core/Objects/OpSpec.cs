using IpcLab.Core.Model;

namespace IpcLab.Core.Objects;

/// <summary>An operation a module owns: the instruction and the words a script writes for it.</summary>
/// <param name="Words">The statement words that compile to it ("V", "post"); empty for an instruction the compiler makes itself (the re-acquire half of a wait).</param>
public readonly record struct OpSpec(OpCode Op, params string[] Words);
