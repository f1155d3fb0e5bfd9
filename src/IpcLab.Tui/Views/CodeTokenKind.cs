namespace IpcLab.Tui.Views;

/// <summary>What a piece of a script line is, for its colour in a thread's listing.</summary>
internal enum CodeTokenKind
{
    /// <summary>Names, operators, blanks: the text's own colour.</summary>
    Plain,

    /// <summary>A word of the language: <c>while</c>, <c>if</c>, <c>thread</c>, <c>expect</c>, …</summary>
    Keyword,

    /// <summary>A string literal, quotes and holes included.</summary>
    String,

    /// <summary>An integer or decimal literal.</summary>
    Number,

    /// <summary>From <c>#</c> to the end of the line.</summary>
    Comment,
}
