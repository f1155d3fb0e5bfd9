namespace IpcLab.Core.Script;

/// <summary>A syntax or compile error in a script, at a position.</summary>
public sealed class ScriptError(string file, SourcePos pos, string detail) : PositionedError(file, pos, detail);
