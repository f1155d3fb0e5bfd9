namespace IpcLab.Core.Script;

/// <summary>The kinds of token the <see cref="Lexer"/> produces.</summary>
internal enum TokenKind
{
    Name,
    Keyword,
    Int,

    /// <summary>A string literal; its Parts are StringPiece and Hole tokens.</summary>
    String,

    /// <summary>Literal text inside a string, escapes already decoded.</summary>
    StringPiece,

    /// <summary>A <c>{expr}</c> hole inside a string; its Parts are the hole's tokens, ending with RBrace.</summary>
    Hole,

    /// <summary>The end of a non-blank line; positioned just after the line's last token.</summary>
    Newline,
    Indent,
    Dedent,
    End,

    /// <summary>A lexical error; the parser throws it when it reaches this token.</summary>
    Error,

    LParen,
    RParen,
    RBrace,
    Comma,
    Colon,
    Arrow,
    DotDot,
    Assign,
    PlusAssign,
    MinusAssign,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Eq,
    NotEq,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    LBracket,
    RBracket,
}
