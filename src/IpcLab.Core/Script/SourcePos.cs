namespace IpcLab.Core.Script;

/// <summary>A 1-based line and column in a script file.</summary>
public readonly record struct SourcePos(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
