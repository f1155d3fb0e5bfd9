using System.Text;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Script;

// String literals: "text {expr} text". Holes are lexed here, with their real positions, and
// parsed later by the parser; a string inside a hole nests, up to MaxNesting strings deep.
internal sealed partial class Lexer
{
    /// <summary>Lexes a string literal starting at the opening quote.</summary>
    /// <param name="depth">1 for a string in code, 2 for a string inside a hole of a string, ...</param>
    private Token LexString(int depth)
    {
        var open = Here;
        if (depth == 1)
        {
            _outerQuote = open;
        }

        if (depth > MaxNesting)
        {
            throw Error(open, $"nesting too deep (strings inside interpolation holes, more than {MaxNesting} levels)");
        }

        var startIndex = _index;
        Advance();
        var parts = new List<Token>();
        var piece = new StringBuilder();
        var pieceStart = Here;
        while (true)
        {
            if (AtEnd || AtLineBreak())
            {
                throw Unterminated(depth);
            }

            var c = Peek;
            if (c == '"')
            {
                Advance();
                break;
            }

            if (piece.Length == 0)
            {
                pieceStart = Here;
            }

            if (c == '\\')
            {
                piece.Append(LexEscape(depth));
            }
            else if (c == '{' && PeekAt(1) == '{')
            {
                piece.Append('{');
                Advance();
                Advance();
            }
            else if (c == '{')
            {
                FlushPiece(parts, piece, pieceStart);
                parts.Add(LexHole(depth));
            }
            else if (c == '}' && PeekAt(1) == '}')
            {
                piece.Append('}');
                Advance();
                Advance();
            }
            else if (c == '}')
            {
                throw Error(Here, "single '}' in a string; write '}}' or '\\}' for a literal brace");
            }
            else
            {
                piece.Append(c);
                Advance();
                if (piece.Length > StringTable.MaxLength)
                {
                    throw Error(open, $"string too long: a string has at most {StringTable.MaxLength:N0} characters");
                }
            }
        }

        FlushPiece(parts, piece, pieceStart);
        return new Token(TokenKind.String, _text[startIndex.._index], open) { Parts = parts };
    }

    private char LexEscape(int depth)
    {
        var backslash = Here;
        Advance();
        if (AtEnd || AtLineBreak())
        {
            throw Unterminated(depth);
        }

        var c = Peek;
        var decoded = c switch
        {
            '"' or '\\' or '{' or '}' => c,
            'n' => '\n',
            't' => '\t',
            _ => throw Error(
                backslash,
                $"unknown escape '\\{c}' in a string; the escapes are \\\" \\\\ \\n \\t \\{{ \\}}"),
        };
        Advance();
        return decoded;
    }

    /// <summary>Lexes <c>{expr}</c> starting at the '{'; the tokens end with the closing RBrace.</summary>
    private Token LexHole(int depth)
    {
        var holeStart = Here;
        Advance();
        var tokens = new List<Token>();
        while (true)
        {
            SkipSpaces();
            if (AtEnd || AtLineBreak())
            {
                throw Unterminated(depth + 1);
            }

            if (Peek == '}')
            {
                tokens.Add(new Token(TokenKind.RBrace, "}", Here));
                Advance();
                return new Token(TokenKind.Hole, "", holeStart) { Parts = tokens };
            }

            if (Peek == '#')
            {
                throw Error(Here, "unexpected character '#' in an interpolation hole");
            }

            tokens.Add(LexToken(depth));
        }
    }

    private static void FlushPiece(List<Token> parts, StringBuilder piece, SourcePos pieceStart)
    {
        if (piece.Length > 0)
        {
            parts.Add(new Token(TokenKind.StringPiece, piece.ToString(), pieceStart));
            piece.Clear();
        }
    }

    private char PeekAt(int offset) => _index + offset < _text.Length ? _text[_index + offset] : '\0';

    /// <summary>
    /// Reported at the outermost opening quote: inside a hole, a missing '}' makes the closing
    /// quote start a new string, so the innermost quote is rarely where the mistake is.
    /// </summary>
    private ScriptError Unterminated(int depth) => Error(
        _outerQuote,
        "unterminated string: missing closing '\"' before the end of the line"
        + (depth > 1 ? " (is a '}' missing after an interpolation hole?)" : ""));
}
