namespace IpcLab.Core.Script;

// Expressions, lowest to highest precedence: or; and; not (prefix); comparisons (not chained);
// + -; * / %; unary -; primary. Binary operators associate to the left.
//
// Positions: a BinaryExpr is positioned at its operator (so `a + b` at the '+'), a UnaryExpr at
// its operator, a CallExpr at the function name, an InterpolatedStr or StrLit at the opening
// quote (the StrLit pieces of an InterpolatedStr at their first character). Parentheses produce
// no node: `(a)` is the node of `a`, with a's position.
public sealed partial class Parser
{
    private static bool CanStartExpression(Token token) => token.Kind switch
    {
        TokenKind.Int or TokenKind.String or TokenKind.Name or TokenKind.LParen or TokenKind.Minus => true,
        TokenKind.Keyword => token.Text is "true" or "false" or "not",
        _ => false,
    };

    private Expr ParseExpr()
    {
        Enter();
        var expr = ParseOr();
        Leave();
        return expr;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            var op = Advance();
            left = Bounded(new BinaryExpr(op.Pos, "or", left, ParseAnd()));
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("and"))
        {
            var op = Advance();
            left = Bounded(new BinaryExpr(op.Pos, "and", left, ParseNot()));
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (!Current.IsKeyword("not"))
        {
            return ParseComparison();
        }

        var op = Advance();
        Enter();
        var operand = ParseNot();
        Leave();
        return Bounded(new UnaryExpr(op.Pos, "not", operand));
    }

    private static bool IsComparison(TokenKind kind) => kind is TokenKind.Eq or TokenKind.NotEq
        or TokenKind.Less or TokenKind.LessEq or TokenKind.Greater or TokenKind.GreaterEq;

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (!IsComparison(Current.Kind))
        {
            return left;
        }

        var op = Advance();
        var result = Bounded(new BinaryExpr(op.Pos, op.Text, left, ParseAdditive()));
        if (IsComparison(Current.Kind))
        {
            throw Fail($"comparisons cannot be chained; write 'a {op.Text} b and b {Current.Text} c' instead");
        }

        return result;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            left = Bounded(new BinaryExpr(op.Pos, op.Text, left, ParseMultiplicative()));
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            left = Bounded(new BinaryExpr(op.Pos, op.Text, left, ParseUnary()));
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (!At(TokenKind.Minus))
        {
            return ParsePrimary();
        }

        var op = Advance();
        Enter();
        var operand = ParseUnary();
        Leave();
        return Bounded(new UnaryExpr(op.Pos, "-", operand));
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Int:
                Advance();
                return new IntLit(token.Pos, token.Value);
            case TokenKind.String:
                Advance();
                return BuildString(token);
            case TokenKind.Keyword when token.Text is "true" or "false":
                Advance();
                return new BoolLit(token.Pos, token.Text == "true");
            case TokenKind.Name:
                Advance();
                return At(TokenKind.LParen) ? ParseCall(NameOf(token))
                    : At(TokenKind.LBracket) ? Bounded(new IndexExpr(token.Pos, NameOf(token), ParseIndex(token.Text)))
                    : new NameExpr(token.Pos, token.Text);
            case TokenKind.LParen:
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RParen, $"')' to close the '(' at {token.Pos}");
                return inner;
            default:
                throw Fail($"expected an expression, found {Found}");
        }
    }

    /// <summary>
    /// A node no deeper than <see cref="MaxDepth"/>. A chain such as `1 + 1 + ...` is parsed by a
    /// loop, but the tree it builds is as deep as the chain is long, and the compiler, the printer and
    /// evaluation all recurse over it: past the limit it is an error at the operator, not a stack overflow.
    /// </summary>
    private T Bounded<T>(T node)
        where T : Expr =>
        node.Depth > MaxDepth
            ? throw new ScriptError(_file, node.Pos, $"expression too deep (more than {MaxDepth} operators in a chain or levels of nesting); split it into parts held in local variables")
            : node;

    /// <summary><c>[ expr ]</c> after a name; the caller has not consumed the '['.</summary>
    internal Expr ParseIndex(string name)
    {
        var open = Advance();
        var index = ParseExpr();
        if (At(TokenKind.DotDot))
        {
            Advance();
            index = Bounded(new RangeExpr(index.Pos, index, ParseExpr()));
        }

        Expect(TokenKind.RBracket, $"']' to close the '[' after '{name}' at {open.Pos}");
        return index;
    }

    private CallExpr ParseCall(NameRef function)
    {
        Advance();
        var args = new List<Expr>();
        if (!Accept(TokenKind.RParen))
        {
            do
            {
                args.Add(ParseExpr());
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.RParen, $"',' or ')' in the call to '{function.Name}'");
        }

        return Bounded(new CallExpr(function.Pos, function, args));
    }

    private Expr BuildString(Token token)
    {
        if (token.Parts.All(part => part.Kind == TokenKind.StringPiece))
        {
            return new StrLit(token.Pos, string.Concat(token.Parts.Select(part => part.Text)));
        }

        var parts = new List<Expr>();
        foreach (var part in token.Parts)
        {
            parts.Add(part.Kind == TokenKind.StringPiece ? new StrLit(part.Pos, part.Text) : ParseHole(part));
        }

        return Bounded(new InterpolatedStr(token.Pos, parts));
    }

    /// <summary>Parses a hole's own tokens; the nesting depth carries over into the hole.</summary>
    private Expr ParseHole(Token hole)
    {
        var parser = new Parser(_file, hole.Parts, _depth);
        var expr = parser.ParseExpr();
        if (!parser.At(TokenKind.RBrace))
        {
            throw parser.Fail($"expected '}}' to close the interpolation hole, found {parser.Found}");
        }

        return expr;
    }
}
