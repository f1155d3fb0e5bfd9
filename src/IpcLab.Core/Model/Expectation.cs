using IpcLab.Core.Script;

namespace IpcLab.Core.Model;

/// <summary>A final check (<c>expect count == 2, "lost update"</c>) evaluated once every thread has ended.</summary>
/// <param name="Text">The condition as source text, for messages.</param>
public sealed record Expectation(SourcePos Pos, CExpr Condition, string Text, string? Message);
