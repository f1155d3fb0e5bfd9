using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Compilation;

/// <summary>The one check every compile-error test makes: the script fails at this position, with this message.</summary>
public static class ScriptErrorAssert
{
    public static ScriptError At(string source, int line, int column, string message)
    {
        var error = Assert.Throws<ScriptError>(() => Compiler.CompileText("x.ipl", source));

        Assert.Equal(new SourcePos(line, column), error.Pos);
        Assert.Contains(message, error.Detail, StringComparison.Ordinal);
        Assert.StartsWith($"x.ipl:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        return error;
    }
}
