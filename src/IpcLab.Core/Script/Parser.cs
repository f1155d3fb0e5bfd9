namespace IpcLab.Core.Script;

/// <summary>
/// Recursive-descent parser for IpcLab scripts. Use the static <see cref="Parse"/> and
/// <see cref="ParseExpression"/>; an instance holds the state of one run over a token list.
/// Top-level items are here, statements in ParserStatements.cs, expressions in ParserExpressions.cs.
/// </summary>
public sealed partial class Parser
{
    /// <summary>How deeply blocks, parentheses, unary operators and string holes may nest.</summary>
    public const int MaxDepth = 200;

    private readonly string _file;
    private readonly IReadOnlyList<Token> _tokens;
    private int _index;
    private int _depth;

    private Parser(string file, IReadOnlyList<Token> tokens, int depth)
    {
        _file = file;
        _tokens = tokens;
        _depth = depth;
    }

    /// <summary>The current token; reaching a lexical error throws it.</summary>
    private Token Current
    {
        get
        {
            var token = _tokens[_index];
            if (token.Error is { } error)
            {
                throw error;
            }

            return token;
        }
    }

    /// <summary>
    /// Parses a whole script. Throws ScriptError (file, 1-based line/column, message naming
    /// what was expected) on the first error; whatever the text, it throws nothing else.
    /// </summary>
    public static ScriptAst Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(file, Lexer.Tokenize(file, text), 0);
        var items = new List<TopItem>();
        while (!parser.At(TokenKind.End))
        {
            items.Add(parser.ParseTopItem(inProcess: false));
        }

        return new ScriptAst(file, items);
    }

    /// <summary>Parses a single expression (used by tests and tools); same error behaviour as <see cref="Parse"/>.</summary>
    public static Expr ParseExpression(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(file, Lexer.Tokenize(file, text), 0);
        parser.Accept(TokenKind.Indent);
        var expr = parser.ParseExpr();
        parser.Accept(TokenKind.Newline);
        parser.Accept(TokenKind.Dedent);
        if (!parser.At(TokenKind.End))
        {
            throw parser.Fail($"expected end of the expression, found {parser.Found}");
        }

        return expr;
    }

    private TopItem ParseTopItem(bool inProcess)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Indent:
                throw Fail("unexpected indent");
            case TokenKind.Name when PeekNextKind() is TokenKind.Assign or TokenKind.PlusAssign or TokenKind.MinusAssign:
                throw Fail($"assignments belong inside a thread; to declare a variable write 'shared {token.Text} = ...'");
            case TokenKind.Name:
                return ParseDeclaration();
            case TokenKind.Keyword when token.Text == "thread":
                return ParseThread();
            case TokenKind.Keyword when token.Text == "process":
                return inProcess
                    ? throw Fail("processes cannot be nested; 'process' is only allowed at top level")
                    : ParseProcess();
            case TokenKind.Keyword when token.Text == "expect":
                return inProcess
                    ? throw Fail("'expect' is only allowed at top level, not inside a process")
                    : ParseExpect();
            default:
                var hint = token.Kind == TokenKind.Keyword && IsStatementKeyword(token.Text)
                    ? " (statements belong inside a thread)"
                    : "";
                throw Fail($"expected a declaration, 'thread', 'process' or 'expect', found {Found}{hint}");
        }
    }

    /// <summary><c>KIND item, item</c> where item is <c>NAME [= expr] {WORD expr}</c>.</summary>
    private DeclStmt ParseDeclaration()
    {
        var kind = NameOf(Advance());
        var items = new List<DeclItem>();
        var after = $"'{kind.Name}'";
        do
        {
            if (kind.Name == "exchange" && Current.Kind == TokenKind.String && Current.Parts.Count == 0)
            {
                throw Fail("\"\" is the default exchange, the broker's own: it cannot be declared; every broker queue is bound to it by its name (`publish \"\", \"jobs\", \"job 1\"` reaches queue jobs)");
            }

            var name = ExpectName($"after {after}");
            Expr? initial = null;
            if (Accept(TokenKind.Assign))
            {
                initial = ParseExpr();
            }

            var options = new List<DeclOption>();
            // `in` is a keyword (for i in ...) but also the option naming a segment: `mutex m in seg`.
            while (At(TokenKind.Name) || Current.IsKeyword("in"))
            {
                var key = ParseOptionKey();
                if (!CanStartExpression(Current))
                {
                    throw Fail($"expected a value after option '{key.Name}', found {Found}");
                }

                options.Add(new DeclOption(key, ParseOptionValue()));
            }

            items.Add(new DeclItem(name, initial, options));
            after = "','";
        }
        while (Accept(TokenKind.Comma));

        ExpectEndOfLine("',', an option or end of line in the declaration");
        return new DeclStmt(kind.Pos, kind, items);
    }

    /// <summary><c>thread NAME [* COUNT]:</c> and its body.</summary>
    private ThreadDecl ParseThread()
    {
        var keyword = Advance();
        var name = ExpectName("after 'thread'");
        Expr? count = null;
        if (Accept(TokenKind.Star))
        {
            count = ParseExpr();
            Expect(TokenKind.Colon, "':' after the thread count");
        }
        else
        {
            Expect(TokenKind.Colon, "'*' or ':' after the thread name");
        }

        var body = ParseBody($"the body of thread '{name.Name}'");
        return new ThreadDecl(keyword.Pos, name, count, body);
    }

    /// <summary><c>process NAME:</c> and an indented block of declarations and threads.</summary>
    private ProcessDecl ParseProcess()
    {
        var keyword = Advance();
        var name = ExpectName("after 'process'");
        Expect(TokenKind.Colon, "':' after the process name");
        ExpectEndOfLine($"end of line after 'process {name.Name}:' (its body is an indented block)");
        if (!At(TokenKind.Indent))
        {
            throw Fail($"expected an indented block for the body of process '{name.Name}', found {Found}");
        }

        Advance();
        Enter();
        var items = new List<TopItem>();
        while (!Accept(TokenKind.Dedent))
        {
            items.Add(ParseTopItem(inProcess: true));
        }

        Leave();
        return new ProcessDecl(keyword.Pos, name, items);
    }

    /// <summary><c>expect EXPR [, MESSAGE]</c></summary>
    private ExpectDecl ParseExpect()
    {
        var keyword = Advance();
        var condition = ParseExpr();
        var message = Accept(TokenKind.Comma) ? ParseExpr() : null;
        ExpectEndOfLine(message is null ? "',' or end of line after the expect condition" : "end of line after the expect message");
        return new ExpectDecl(keyword.Pos, condition, message);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private bool At(TokenKind kind) => Current.Kind == kind;

    /// <summary>
    /// Names the current token after "found". Dedents are skipped: a missing block is better
    /// described by what comes next ("found 'mutex'", "found end of file") than by "end of block".
    /// </summary>
    private string Found
    {
        get
        {
            var index = _index;
            while (_tokens[index].Kind == TokenKind.Dedent && index < _tokens.Count - 1)
            {
                index++;
            }

            return _tokens[index].Error is { } error ? throw error : _tokens[index].Describe();
        }
    }

    private Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (!At(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string expected) =>
        At(kind) ? Advance() : throw Fail($"expected {expected}, found {Found}");

    private void ExpectEndOfLine(string expected) => Expect(TokenKind.Newline, expected);

    private NameRef ExpectName(string context)
    {
        var token = Current;
        if (token.Kind != TokenKind.Name)
        {
            var hint = token.Kind == TokenKind.Keyword ? " (keywords cannot be used as names)" : "";
            throw Fail($"expected a name {context}, found {Found}{hint}");
        }

        return NameOf(Advance());
    }

    private static NameRef NameOf(Token token) => new(token.Text, token.Pos);

    /// <summary>Counts one level of nesting; deep input must fail cleanly, not overflow the stack.</summary>
    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Fail($"nesting too deep (more than {MaxDepth} levels)");
        }
    }

    private void Leave() => _depth--;

    private ScriptError Fail(string message) => new(_file, Current.Pos, message);
}
