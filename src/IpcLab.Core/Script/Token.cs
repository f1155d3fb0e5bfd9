namespace IpcLab.Core.Script;

/// <summary>One token. Text is the source text, except for StringPiece where it is the decoded value.</summary>
internal sealed record Token(TokenKind Kind, string Text, SourcePos Pos)
{
    /// <summary>The value of an Int token.</summary>
    public long Value { get; init; }

    /// <summary>The pieces and holes of a String token, or the tokens of a Hole.</summary>
    public IReadOnlyList<Token> Parts { get; init; } = [];

    /// <summary>The error carried by an Error token.</summary>
    public ScriptError? Error { get; init; }

    public bool IsKeyword(string keyword) => Kind == TokenKind.Keyword && Text == keyword;

    /// <summary>How an error message names this token after "found".</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Name => $"'{Text}'",
        TokenKind.Keyword => $"keyword '{Text}'",
        TokenKind.Int => $"number {Text}",
        TokenKind.String => "a string",
        TokenKind.Newline => "end of line",
        TokenKind.Indent => "an unexpected indent",
        TokenKind.Dedent => "end of block",
        TokenKind.End or TokenKind.Error => "end of file",
        _ => $"'{Text}'",
    };
}
