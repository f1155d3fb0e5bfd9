namespace IpcLab.Core.Script;

/// <summary>
/// A syntax or compile error in a script, at a position. Its message reads
/// <c>file:line:col: message</c>, the form editors and terminals understand.
/// </summary>
public sealed class ScriptError : Exception
{
    public ScriptError(string file, SourcePos pos, string detail)
        : base($"{file}:{pos.Line}:{pos.Column}: {detail}")
    {
        File = file;
        Pos = pos;
        Detail = detail;
    }

    public string File { get; }

    public SourcePos Pos { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Detail { get; }
}
