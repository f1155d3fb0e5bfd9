using System.Globalization;

namespace IpcLab.Core.Script;

/// <summary>
/// Turns script text into tokens, Python style: every non-blank line ends with a Newline
/// token, and changes of indentation produce Indent and Dedent tokens. A lexical error does
/// not throw: it becomes a final Error token, so that the parser reports whichever error
/// comes first in the file.
/// </summary>
internal sealed partial class Lexer
{
    /// <summary>How deeply strings may nest inside interpolation holes.</summary>
    public const int MaxNesting = 200;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "elif", "else", "while", "for", "in", "repeat", "print", "assert", "pass",
        "thread", "process", "expect", "and", "or", "not", "true", "false",
    };

    private readonly string _file;
    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private readonly List<int> _indents = [0];
    private int _index;
    private int _line = 1;
    private int _column = 1;
    private SourcePos _lastEnd;
    private SourcePos _outerQuote;

    private Lexer(string file, string text)
    {
        _file = file;
        _text = text;
        // A byte order mark is not part of the script (and takes no column).
        _index = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    private bool AtEnd => _index >= _text.Length;

    private char Peek => _text[_index];

    private SourcePos Here => new(_line, _column);

    public static bool IsKeyword(string word) => Keywords.Contains(word);

    /// <summary>The tokens of a whole text; the last one is End or Error.</summary>
    public static IReadOnlyList<Token> Tokenize(string file, string text)
    {
        var lexer = new Lexer(file, text);
        try
        {
            lexer.Run();
        }
        catch (ScriptError error)
        {
            lexer._tokens.Add(new Token(TokenKind.Error, "", error.Pos) { Error = error });
        }

        return lexer._tokens;
    }

    private void Run()
    {
        while (!AtEnd)
        {
            LexLine();
        }

        for (var i = 1; i < _indents.Count; i++)
        {
            _tokens.Add(new Token(TokenKind.Dedent, "", Here));
        }

        _tokens.Add(new Token(TokenKind.End, "", Here));
    }

    private void LexLine()
    {
        var start = _index;
        SourcePos? tab = null;
        while (!AtEnd && Peek is ' ' or '\t')
        {
            if (Peek == '\t')
            {
                tab ??= Here;
            }

            Advance();
        }

        // Blank and comment-only lines do not take part in indentation.
        if (AtEnd || AtLineBreak() || Peek == '#')
        {
            SkipRestOfLine();
            return;
        }

        if (tab is { } tabPos)
        {
            throw Error(tabPos, "tabs are not allowed in indentation; use spaces");
        }

        Indent(_index - start);
        while (true)
        {
            SkipSpaces();
            if (AtEnd || AtLineBreak() || Peek == '#')
            {
                break;
            }

            _tokens.Add(LexToken(0));
        }

        _tokens.Add(new Token(TokenKind.Newline, "", _lastEnd));
        SkipRestOfLine();
    }

    private void Indent(int width)
    {
        if (width > _indents[^1])
        {
            _indents.Add(width);
            _tokens.Add(new Token(TokenKind.Indent, "", Here));
            return;
        }

        var popped = -1;
        while (width < _indents[^1])
        {
            popped = _indents[^1];
            _indents.RemoveAt(_indents.Count - 1);
            _tokens.Add(new Token(TokenKind.Dedent, "", Here));
        }

        if (width != _indents[^1])
        {
            throw Error(
                Here,
                $"inconsistent indentation: expected column {_indents[^1] + 1} or {popped + 1} "
                + $"to line up with an enclosing block, found column {width + 1}");
        }
    }

    /// <summary>Lexes one token at the current character, which is not a space.</summary>
    /// <param name="stringDepth">How many strings enclose this token (0 outside strings).</param>
    private Token LexToken(int stringDepth)
    {
        var start = Here;
        var c = Peek;
        Token token;
        if (char.IsLetter(c) || c == '_')
        {
            var word = ReadWhile(ch => char.IsLetterOrDigit(ch) || ch == '_');
            token = new Token(IsKeyword(word) ? TokenKind.Keyword : TokenKind.Name, word, start);
        }
        else if (char.IsAsciiDigit(c))
        {
            token = LexNumber(start);
        }
        else if (c == '"')
        {
            token = LexString(stringDepth + 1);
        }
        else
        {
            token = LexOperator(start, c);
        }

        _lastEnd = Here;
        return token;
    }

    private Token LexNumber(SourcePos start)
    {
        var digits = ReadWhile(char.IsAsciiDigit);
        if (!AtEnd && (char.IsLetter(Peek) || Peek == '_'))
        {
            throw Error(start, $"invalid number '{Shorten(digits + ReadWhile(char.IsLetterOrDigit))}'");
        }

        if (!AtEnd && Peek == '.' && char.IsAsciiDigit(PeekAt(1)))
        {
            throw Error(start, "only whole numbers are supported");
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(start, $"integer literal {Shorten(digits)} is too large (the largest is {long.MaxValue})");
        }

        return new Token(TokenKind.Int, digits, start) { Value = value };
    }

    private Token LexOperator(SourcePos start, char c)
    {
        var (kind, length) = (c, PeekAt(1)) switch
        {
            ('(', _) => (TokenKind.LParen, 1),
            (')', _) => (TokenKind.RParen, 1),
            (',', _) => (TokenKind.Comma, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('+', '=') => (TokenKind.PlusAssign, 2),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', '>') => (TokenKind.Arrow, 2),
            ('-', '=') => (TokenKind.MinusAssign, 2),
            ('-', _) => (TokenKind.Minus, 1),
            ('=', '=') => (TokenKind.Eq, 2),
            ('=', _) => (TokenKind.Assign, 1),
            ('!', '=') => (TokenKind.NotEq, 2),
            ('<', '=') => (TokenKind.LessEq, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', '=') => (TokenKind.GreaterEq, 2),
            ('>', _) => (TokenKind.Greater, 1),
            ('.', '.') => (TokenKind.DotDot, 2),
            ('[', _) => (TokenKind.LBracket, 1),
            (']', _) => (TokenKind.RBracket, 1),
            _ => throw Error(start, $"unexpected character {ShowChar(c)}"),
        };
        var text = _text.Substring(_index, length);
        for (var i = 0; i < length; i++)
        {
            Advance();
        }

        return new Token(kind, text, start);
    }

    private string ReadWhile(Func<char, bool> accept)
    {
        var start = _index;
        while (!AtEnd && accept(Peek))
        {
            Advance();
        }

        return _text[start.._index];
    }

    private void SkipSpaces()
    {
        while (!AtEnd && Peek is ' ' or '\t')
        {
            Advance();
        }
    }

    private void SkipRestOfLine()
    {
        while (!AtEnd && Peek != '\n')
        {
            Advance();
        }

        if (!AtEnd)
        {
            Advance();
        }
    }

    /// <summary>True at "\n" or "\r\n"; a lone "\r" is not a line break.</summary>
    private bool AtLineBreak() => Peek == '\n' || (Peek == '\r' && PeekAt(1) == '\n');

    private void Advance()
    {
        if (_text[_index] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _index++;
    }

    private ScriptError Error(SourcePos pos, string message) => new(_file, pos, message);

    private static string ShowChar(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? $"U+{(int)c:X4}"
            : $"'{c}'";

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..27] + "...";
}
