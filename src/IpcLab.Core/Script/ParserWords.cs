namespace IpcLab.Core.Script;

// A declaration's option names and values that are words with hyphens.
public sealed partial class Parser
{
    /// <summary>
    /// The value of a declaration's option. A hyphenated word written without spaces
    /// (<c>overflow reject-publish-dlx</c>, <c>policy least-loaded</c>) is one word, not a
    /// subtraction of names: its pieces touch, which no expression a declaration takes has reason
    /// to write. Anything else is an expression.
    /// </summary>
    private Expr ParseOptionValue()
    {
        if (!At(TokenKind.Name) || !TouchesHyphenAt(_index))
        {
            return ParseExpr();
        }

        var first = Advance();
        var word = first.Text;
        while (TouchesHyphenAt(_index - 1))
        {
            Advance();
            word += "-" + Advance().Text;
        }

        return new NameExpr(first.Pos, word);
    }

    /// <summary>A declaration's option name, which may be a hyphenated word too (<c>delivery-limit 3</c>).</summary>
    private NameRef ParseOptionKey()
    {
        var first = Advance();
        var word = first.Text;
        while (TouchesHyphenAt(_index - 1))
        {
            Advance();
            word += "-" + Advance().Text;
        }

        return new NameRef(word, first.Pos);
    }

    /// <summary>True when the token at <paramref name="at"/> is followed, with no space on either side, by a minus and a name.</summary>
    private bool TouchesHyphenAt(int at) =>
        at + 2 < _tokens.Count
        && _tokens[at] is { Kind: TokenKind.Name or TokenKind.Keyword } word
        && _tokens[at + 1] is { Kind: TokenKind.Minus } minus
        && _tokens[at + 2] is { Kind: TokenKind.Name or TokenKind.Keyword } next
        && minus.Pos.Line == word.Pos.Line && minus.Pos.Column == word.Pos.Column + word.Text.Length
        && next.Pos.Line == minus.Pos.Line && next.Pos.Column == minus.Pos.Column + 1;
}
