using IpcLab.Core.Model;

namespace IpcLab.Core.Objects;

/// <summary>
/// How a plain operation is written, so the compiler needs no code of its own for it: the word,
/// then (optionally) the object it acts on, then value operands, then `-> results`. The object
/// goes into the instruction's A, values into E1 and E2, results into locals B and C.
/// </summary>
/// <param name="Usage">How to write it, shown in errors; "{0}" stands for the word used ("V s", "post s").</param>
/// <param name="Object">The kind of object the first operand names, or null when the operation names none (exit).</param>
/// <param name="Values">How many value operands follow the object.</param>
/// <param name="Results">The types of the results after `->`, in order.</param>
public sealed record OpShape(string Usage, ObjectKind? Object, int Values = 0, params ValueKind[] Results)
{
    public int Operands => (Object is null ? 0 : 1) + Values;
}
