namespace IpcLab.Core.Script;

/// <summary>The words of the script language that are not names, for tools that show scripts (the terminal UI's colouring).</summary>
public static class ScriptWords
{
    /// <summary>True for a keyword of the language (<c>while</c>, <c>thread</c>, <c>expect</c>, …), as the lexer reads it.</summary>
    public static bool IsKeyword(string word) => Lexer.IsKeyword(word);
}
