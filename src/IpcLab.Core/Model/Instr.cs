using IpcLab.Core.Script;

namespace IpcLab.Core.Model;

/// <summary>
/// One instruction of a thread. A, B, C are operands whose meaning depends on <see cref="Op"/>
/// (object slots or local slots); E1, E2 and Args are compiled expressions.
/// </summary>
public sealed class Instr
{
    public required OpCode Op { get; init; }

    /// <summary>Where the instruction comes from; several instructions can share a line (`count = count + 1`).</summary>
    public required SourcePos Pos { get; init; }

    public int A { get; init; } = -1;

    public int B { get; init; } = -1;

    public int C { get; init; } = -1;

    public CExpr? E1 { get; init; }

    public CExpr? E2 { get; init; }

    public IReadOnlyList<CExpr> Args { get; init; } = [];

    /// <summary>The instruction that follows; -1 ends the thread. Set once the enclosing block is compiled.</summary>
    public int Next { get; set; } = -1;

    /// <summary>The alternative successor of a Branch, ForInit, ForNext, RepeatInit or RepeatNext.</summary>
    public int Jump { get; set; } = -1;

    /// <summary>Source text of the condition or expression involved, for event texts ("empty(buffer)").</summary>
    public string Text { get; init; } = "";

    public override string ToString() => $"{Pos} {Op} A={A} B={B} C={C} next={Next} jump={Jump} {Text}";
}
