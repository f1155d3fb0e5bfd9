namespace IpcLab.Core.Script;

/// <summary>
/// An error at a position in a file: its message reads <c>file:line:col: message</c>, the form
/// editors and terminals understand. A script's errors and a lesson's are kinds of it.
/// </summary>
public abstract class PositionedError : Exception
{
    protected PositionedError(string file, SourcePos pos, string detail)
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
