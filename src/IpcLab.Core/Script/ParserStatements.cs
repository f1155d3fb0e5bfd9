namespace IpcLab.Core.Script;

// Statements inside thread bodies. A compound statement's body is either an indented block or,
// in the one-line form (`while full(b): wait c, m`), a single simple statement after the ':',
// which is returned as a one-element body exactly as if it had been written on its own line.
public sealed partial class Parser
{
    private static bool IsStatementKeyword(string word) =>
        word is "if" or "elif" or "else" or "while" or "for" or "repeat" or "print" or "assert" or "pass";

    private static bool IsCompoundKeyword(string word) => word is "if" or "while" or "for" or "repeat";

    /// <summary>Parses the body after a header's ':'.</summary>
    /// <param name="what">Names the body in messages, e.g. "the while body".</param>
    private List<Stmt> ParseBody(string what)
    {
        if (!Accept(TokenKind.Newline))
        {
            if (Current.Kind == TokenKind.Keyword && IsCompoundKeyword(Current.Text))
            {
                throw Fail($"'{Current.Text}' cannot follow ':' on the same line; put it on its own indented line");
            }

            return [ParseSimpleStatement()];
        }

        if (!At(TokenKind.Indent))
        {
            throw Fail($"expected an indented block for {what}, found {Found}");
        }

        Advance();
        Enter();
        var body = new List<Stmt>();
        while (!Accept(TokenKind.Dedent))
        {
            body.Add(ParseStatement());
        }

        Leave();
        return body;
    }

    private Stmt ParseStatement()
    {
        var token = Current;
        if (token.Kind != TokenKind.Keyword)
        {
            return ParseSimpleStatement();
        }

        return token.Text switch
        {
            "if" => ParseIf(),
            "while" => ParseWhile(),
            "for" => ParseFor(),
            "repeat" => ParseRepeat(),
            _ => ParseSimpleStatement(),
        };
    }

    /// <summary>A statement that fits on one line, including its Newline.</summary>
    private Stmt ParseSimpleStatement()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Indent:
                throw Fail("unexpected indent");
            case TokenKind.Name:
                return PeekNextKind() is TokenKind.Assign or TokenKind.PlusAssign or TokenKind.MinusAssign or TokenKind.LBracket
                    ? ParseAssign()
                    : ParseOperation();
            case TokenKind.Keyword when token.Text == "print":
                return ParsePrint();
            case TokenKind.Keyword when token.Text == "assert":
                return ParseAssert();
            case TokenKind.Keyword when token.Text == "pass":
                Advance();
                ExpectEndOfLine("end of line after 'pass'");
                return new PassStmt(token.Pos);
            case TokenKind.Keyword when token.Text is "elif" or "else":
                throw Fail($"'{token.Text}' without a matching 'if' at the same indentation");
            case TokenKind.Keyword when token.Text is "thread" or "process" or "expect":
                throw Fail($"'{token.Text}' is only allowed at top level, not inside a thread");
            default:
                throw Fail($"expected a statement, found {Found}");
        }
    }

    private AssignStmt ParseAssign()
    {
        var target = NameOf(Advance());
        var index = At(TokenKind.LBracket) ? ParseIndex(target.Name) : null;
        if (index is not null && !At(TokenKind.Assign) && !At(TokenKind.PlusAssign) && !At(TokenKind.MinusAssign))
        {
            throw Fail($"expected '=', '+=' or '-=' after '{target.Name}[...]', found {Found}");
        }

        var op = Advance();
        var value = ParseExpr();
        ExpectEndOfLine($"end of line after the value assigned to '{target.Name}{(index is null ? "" : "[...]")}'");
        return new AssignStmt(target.Pos, target, op.Text, value) { Index = index };
    }

    /// <summary><c>OP [arg, arg] [-> target, target]</c></summary>
    private OpStmt ParseOperation()
    {
        var op = NameOf(Advance());
        var args = new List<Expr>();
        if (!At(TokenKind.Newline) && !At(TokenKind.Arrow))
        {
            if (!CanStartExpression(Current))
            {
                throw Fail($"expected an argument, '->' or end of line after '{op.Name}', found {Found}");
            }

            do
            {
                args.Add(ParseExpr());
            }
            while (Accept(TokenKind.Comma));
        }

        var targets = new List<NameRef>();
        if (Accept(TokenKind.Arrow))
        {
            do
            {
                targets.Add(ExpectName("after '->'"));
            }
            while (Accept(TokenKind.Comma));

            ExpectEndOfLine("',' or end of line after the targets");
        }
        else
        {
            ExpectEndOfLine("',', '->' or end of line after the arguments");
        }

        return new OpStmt(op.Pos, op, args, targets);
    }

    private PrintStmt ParsePrint()
    {
        var keyword = Advance();
        var values = new List<Expr>();
        do
        {
            values.Add(ParseExpr());
        }
        while (Accept(TokenKind.Comma));

        ExpectEndOfLine("',' or end of line after the printed value");
        return new PrintStmt(keyword.Pos, values);
    }

    private AssertStmt ParseAssert()
    {
        var keyword = Advance();
        var condition = ParseExpr();
        var message = Accept(TokenKind.Comma) ? ParseExpr() : null;
        ExpectEndOfLine(message is null ? "',' or end of line after the assert condition" : "end of line after the assert message");
        return new AssertStmt(keyword.Pos, condition, message);
    }

    private IfStmt ParseIf()
    {
        var keyword = Current;
        var branches = new List<IfBranch>();
        do
        {
            var branchKeyword = Advance();
            var condition = ParseExpr();
            Expect(TokenKind.Colon, $"':' after the {branchKeyword.Text} condition");
            branches.Add(new IfBranch(branchKeyword.Pos, condition, ParseBody($"the {branchKeyword.Text} body")));
        }
        while (Current.IsKeyword("elif"));

        List<Stmt> elseBody = [];
        if (Current.IsKeyword("else"))
        {
            Advance();
            Expect(TokenKind.Colon, "':' after 'else'");
            elseBody = ParseBody("the else body");
        }

        return new IfStmt(keyword.Pos, branches, elseBody);
    }

    private WhileStmt ParseWhile()
    {
        var keyword = Advance();
        var condition = ParseExpr();
        Expect(TokenKind.Colon, "':' after the while condition");
        return new WhileStmt(keyword.Pos, condition, ParseBody("the while body"));
    }

    /// <summary><c>for NAME in FROM..TO:</c></summary>
    private ForStmt ParseFor()
    {
        var keyword = Advance();
        var variable = ExpectName("after 'for'");
        if (!Current.IsKeyword("in"))
        {
            throw Fail($"expected 'in' after the loop variable, found {Found}");
        }

        Advance();
        var from = ParseExpr();
        Expect(TokenKind.DotDot, "'..' after the start of the range");
        var to = ParseExpr();
        Expect(TokenKind.Colon, "':' after the for range");
        return new ForStmt(keyword.Pos, variable, from, to, ParseBody("the for body"));
    }

    private RepeatStmt ParseRepeat()
    {
        var keyword = Advance();
        var count = ParseExpr();
        Expect(TokenKind.Colon, "':' after the repeat count");
        return new RepeatStmt(keyword.Pos, count, ParseBody("the repeat body"));
    }

    private TokenKind PeekNextKind() => _tokens[Math.Min(_index + 1, _tokens.Count - 1)].Kind;
}
