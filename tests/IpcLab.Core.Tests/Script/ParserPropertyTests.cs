using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Script;

public class ParserPropertyTests
{
    private static readonly SourcePos Nowhere = new(0, 0);

    private static readonly string[] Names = ["a", "b", "x1", "_tmp", "self", "buffer", "lock", "Zähler"];

    private static readonly string[] Alphabet =
    [
        "lock", "m", ":", "\n", "\r\n", "    ", " ", "\t", "\"", "{", "}", "{{", "\\", "..", "(", ")", "->", ",",
        "if", "else", "while", "thread", "t", "process", "expect", "for", "in", "repeat", "print", "not", "and",
        "#", "0", "7", "99999999999999999999", "=", "+=", "-", "*", "<", "==", "$", "\0", "é",
    ];

    // A fixed seed makes every run test the same 1000 cases; a failure reports its input.
    private static readonly Config QuickConfig = Config.QuickThrowOnFailure
        .WithMaxTest(1000)
        .WithQuietOnSuccess(true)
        .WithReplay(20_250_601UL, 0x9E3779B97F4A7C15UL);

    [Fact]
    public void Parse_ArbitraryText_ThrowsOnlyScriptErrorsWithinTheText() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => FailsCleanly(text ?? "")).Check(QuickConfig);

    [Fact]
    public void Parse_TextFromTokenAlphabet_ThrowsOnlyScriptErrorsWithinTheText()
    {
        var texts = Gen.Elements(Alphabet).ListOf().Select(string.Concat);
        Prop.ForAll(texts.ToArbitrary(), FailsCleanly).Check(QuickConfig);
    }

    [Fact]
    public void ParseExpression_FullyParenthesised_RoundTrips()
    {
        var exprs = Gen.Sized(size => GenExpr(Math.Min(size, 12) / 3));
        Prop.ForAll(exprs.ToArbitrary(), (Action<Expr>)(expr =>
            AssertRoundTrip(Print(expr, fullyParenthesised: true, 0), Canon(expr), text => Canon(Parser.ParseExpression("g.ipc", text)))))
            .Check(QuickConfig);
    }

    [Fact]
    public void ParseExpression_MinimallyParenthesised_RoundTrips()
    {
        var exprs = Gen.Sized(size => GenExpr(Math.Min(size, 12) / 3));
        Prop.ForAll(exprs.ToArbitrary(), (Action<Expr>)(expr =>
            AssertRoundTrip(Print(expr, fullyParenthesised: false, 0), Canon(expr), text => Canon(Parser.ParseExpression("g.ipc", text)))))
            .Check(QuickConfig);
    }

    [Fact]
    public void Parse_GeneratedProgram_RoundTrips()
    {
        var programs = Gen.Sized(size => GenBody(Math.Min(size, 10) / 4)).Two();
        Prop.ForAll(programs.ToArbitrary(), (Action<(List<Stmt>, List<Stmt>)>)(bodies =>
        {
            var (one, two) = bodies;
            AssertRoundTrip(
                $"mutex m\nthread one * 2:\n{PrintBody(one, 1)}thread two:\n{PrintBody(two, 1)}",
                Canon(one) + Canon(two),
                text => string.Concat(Parser.Parse("g.ipc", text).Items.OfType<ThreadDecl>().Select(t => Canon(t.Body))));
        })).Check(QuickConfig.WithMaxTest(300)); // whole programs are slow to generate
    }

    private static void AssertRoundTrip(string text, string expected, Func<string, string> parse)
    {
        string actual;
        try
        {
            actual = parse(text);
        }
        catch (ScriptError error)
        {
            throw new InvalidOperationException($"{error.Message}\nwhile parsing:\n{text}", error);
        }

        if (actual != expected)
        {
            throw new InvalidOperationException($"round trip changed the structure of:\n{text}\nexpected {expected}\nactual   {actual}");
        }
    }

    /// <summary>Parsing either succeeds or throws a ScriptError positioned inside the text.</summary>
    private static bool FailsCleanly(string text) =>
        FailsCleanly(text, t => Parser.Parse("fuzz.ipc", t)) && FailsCleanly(text, t => Parser.ParseExpression("fuzz.ipc", t));

    private static bool FailsCleanly(string text, Action<string> parse)
    {
        try
        {
            parse(text);
            return true;
        }
        catch (ScriptError error)
        {
            var lines = text.Split('\n');
            var (line, column) = (error.Pos.Line, error.Pos.Column);
            var columnFits = line > lines.Length || column <= lines[line - 1].Length + 1;
            return line >= 1 && line <= lines.Length + 1 && column >= 1 && columnFits
                && error.File == "fuzz.ipc" && error.Detail.Length > 0;
        }
    }

    // ---- generators ----------------------------------------------------------------------------

    private static Gen<Expr> GenExpr(int depth)
    {
        var leaves = Gen.OneOf(
            Gen.Choose(0, int.MaxValue).Select(n => (Expr)new IntLit(Nowhere, n)),
            Gen.Elements(0L, long.MaxValue).Select(n => (Expr)new IntLit(Nowhere, n)),
            Gen.Elements(true, false).Select(b => (Expr)new BoolLit(Nowhere, b)),
            Gen.Elements(Names).Select(n => (Expr)new NameExpr(Nowhere, n)),
            GenText().Select(t => (Expr)new StrLit(Nowhere, t)));
        if (depth <= 0)
        {
            return leaves;
        }

        var sub = GenExpr(depth - 1);
        var ops = new[] { "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or" };
        return Gen.OneOf(
            leaves,
            Gen.Elements(ops).SelectMany(op => sub.Two().Select(p => (Expr)new BinaryExpr(Nowhere, op, p.Item1, p.Item2))),
            Gen.Elements("-", "not").SelectMany(op => sub.Select(e => (Expr)new UnaryExpr(Nowhere, op, e))),
            Gen.Elements(Names).SelectMany(f => Gen.Choose(0, 3).SelectMany(n => sub.ListOf(n))
                .Select(args => (Expr)new CallExpr(Nowhere, new NameRef(f, Nowhere), args))),
            GenInterpolated(sub));
    }

    /// <summary>
    /// Holes separated by non-empty literals or by nothing, as the parser builds them. A plain
    /// string is never a hole here: printed back it would be indistinguishable from literal text.
    /// </summary>
    private static Gen<Expr> GenInterpolated(Gen<Expr> holes) =>
        Gen.Choose(1, 3).SelectMany(n => Gen.Zip(GenText().Select(t => t.Length == 0 ? null : t), holes.Where(h => h is not StrLit)).ListOf(n))
            .SelectMany(pairs => GenText().Select(tail =>
            {
                var parts = new List<Expr>();
                foreach (var (text, hole) in pairs)
                {
                    if (text is not null)
                    {
                        parts.Add(new StrLit(Nowhere, text));
                    }

                    parts.Add(hole);
                }

                if (tail.Length > 0)
                {
                    parts.Add(new StrLit(Nowhere, tail));
                }

                return (Expr)new InterpolatedStr(Nowhere, parts);
            }));

    private static Gen<string> GenText() =>
        Gen.Elements("a", " ", "\"", "\\", "{", "}", "\n", "\t", "#", "é", "->").ListOf().Select(string.Concat);

    private static Gen<NameRef> GenName() => Gen.Elements(Names).Select(n => new NameRef(n, Nowhere));

    private static Gen<List<Stmt>> GenBody(int depth) => Gen.Choose(1, 3).SelectMany(n => GenStmt(depth).ListOf(n));

    private static Gen<Stmt> GenStmt(int depth)
    {
        var expr = GenExpr(1).Resize(5);
        var simple = Gen.OneOf(
            from op in GenName()
            from args in Gen.Choose(0, 2).SelectMany(n => expr.ListOf(n))
            from targets in Gen.Choose(0, 2).SelectMany(n => GenName().ListOf(n))
            select (Stmt)new OpStmt(Nowhere, op, args, targets),
            from target in GenName()
            from op in Gen.Elements("=", "+=", "-=")
            from value in expr
            select (Stmt)new AssignStmt(Nowhere, target, op, value),
            Gen.Choose(1, 3).SelectMany(n => expr.ListOf(n)).Select(values => (Stmt)new PrintStmt(Nowhere, values)),
            from condition in expr
            from message in expr.OrNull()
            select (Stmt)new AssertStmt(Nowhere, condition, message),
            Gen.Constant((Stmt)new PassStmt(Nowhere)));
        if (depth <= 0)
        {
            return simple;
        }

        var body = GenBody(depth - 1);
        var branch = from condition in expr from b in body select new IfBranch(Nowhere, condition, b);
        return Gen.OneOf(
            simple,
            from condition in expr from b in body select (Stmt)new WhileStmt(Nowhere, condition, b),
            from count in expr from b in body select (Stmt)new RepeatStmt(Nowhere, count, b),
            from variable in GenName()
            from range in expr.Two()
            from b in body
            select (Stmt)new ForStmt(Nowhere, variable, range.Item1, range.Item2, b),
            from branches in Gen.Choose(1, 3).SelectMany(n => branch.ListOf(n))
            from otherwise in Gen.OneOf(Gen.Constant(new List<Stmt>()), body)
            select (Stmt)new IfStmt(Nowhere, branches, otherwise));
    }

    // ---- printing (source text) ----------------------------------------------------------------

    private static int Level(Expr expr) => expr switch
    {
        BinaryExpr { Op: "or" } => 1,
        BinaryExpr { Op: "and" } => 2,
        UnaryExpr { Op: "not" } => 3,
        BinaryExpr { Op: "==" or "!=" or "<" or "<=" or ">" or ">=" } => 4,
        BinaryExpr { Op: "+" or "-" } => 5,
        BinaryExpr => 6,
        UnaryExpr => 7,
        _ => 8,
    };

    /// <summary>Prints an expression; below <paramref name="minLevel"/> it needs parentheses.</summary>
    private static string Print(Expr expr, bool fullyParenthesised, int minLevel)
    {
        var level = Level(expr);
        string Sub(Expr e, int min) => Print(e, fullyParenthesised, min);
        var text = expr switch
        {
            IntLit i => i.Value.ToString(CultureInfo.InvariantCulture),
            BoolLit b => b.Value ? "true" : "false",
            NameExpr n => n.Name,
            StrLit s => "\"" + Escape(s.Value) + "\"",
            InterpolatedStr s => "\"" + string.Concat(s.Parts.Select(p => p is StrLit lit ? Escape(lit.Value) : "{" + Sub(p, 0) + "}")) + "\"",
            CallExpr c => c.Function.Name + "(" + string.Join(", ", c.Args.Select(a => Sub(a, 0))) + ")",
            UnaryExpr { Op: "not" } u => "not " + Sub(u.Operand, level),
            UnaryExpr u => "-" + Sub(u.Operand, level),
            BinaryExpr b => Sub(b.Left, level == 4 ? 5 : level) + " " + b.Op + " " + Sub(b.Right, level + 1),
            _ => throw new ArgumentException($"unknown expression {expr}", nameof(expr)),
        };
        return level < 8 && (fullyParenthesised || level < minLevel) ? "(" + text + ")" : text;
    }

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("{", "{{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);

    private static string PrintBody(IReadOnlyList<Stmt> body, int indent) =>
        string.Concat(body.Select(s => PrintStmt(s, indent)));

    private static string PrintStmt(Stmt stmt, int indent)
    {
        var pad = new string(' ', 4 * indent);
        string E(Expr e) => Print(e, fullyParenthesised: false, 0);
        // The AST does not record whether a body was written on the header's line, so the form
        // is picked from the header text: both forms occur and must give the same tree.
        string Header(string head, IReadOnlyList<Stmt> body) =>
            body is [var only] && only is not (IfStmt or WhileStmt or ForStmt or RepeatStmt) && head.Length % 2 == 0
                ? pad + head + ": " + PrintStmt(only, 0).TrimStart()
                : pad + head + ":\n" + PrintBody(body, indent + 1);
        return stmt switch
        {
            OpStmt o => pad + o.Op.Name + (o.Args.Count > 0 ? " " + string.Join(", ", o.Args.Select(E)) : "")
                + (o.Targets.Count > 0 ? " -> " + string.Join(", ", o.Targets.Select(t => t.Name)) : "") + "\n",
            AssignStmt a => $"{pad}{a.Target.Name} {a.Op} {E(a.Value)}\n",
            PrintStmt p => $"{pad}print {string.Join(", ", p.Values.Select(E))}\n",
            AssertStmt a => $"{pad}assert {E(a.Condition)}{(a.Message is null ? "" : ", " + E(a.Message))}\n",
            PassStmt => pad + "pass\n",
            WhileStmt w => Header("while " + E(w.Condition), w.Body),
            RepeatStmt r => Header("repeat " + E(r.Count), r.Body),
            ForStmt f => Header($"for {f.Variable.Name} in {E(f.From)}..{E(f.To)}", f.Body),
            IfStmt i => string.Concat(i.Branches.Select((b, n) => Header((n == 0 ? "if " : "elif ") + E(b.Condition), b.Body)))
                + (i.Else.Count > 0 ? Header("else", i.Else) : ""),
            _ => throw new ArgumentException($"unknown statement {stmt}", nameof(stmt)),
        };
    }

    // ---- canonical form (structure only, no positions) -----------------------------------------

    private static string Canon(IEnumerable<Stmt> body) => "[" + string.Join(" ", body.Select(Canon)) + "]";

    private static string Canon(Stmt stmt) => stmt switch
    {
        OpStmt o => $"(op {o.Op.Name} {Canon(o.Args)} -> {string.Join(",", o.Targets.Select(t => t.Name))})",
        AssignStmt a => $"(assign {a.Target.Name} {a.Op} {Canon(a.Value)})",
        PrintStmt p => $"(print {Canon(p.Values)})",
        AssertStmt a => $"(assert {Canon(a.Condition)} {(a.Message is null ? "none" : Canon(a.Message))})",
        PassStmt => "(pass)",
        WhileStmt w => $"(while {Canon(w.Condition)} {Canon(w.Body)})",
        RepeatStmt r => $"(repeat {Canon(r.Count)} {Canon(r.Body)})",
        ForStmt f => $"(for {f.Variable.Name} {Canon(f.From)} {Canon(f.To)} {Canon(f.Body)})",
        IfStmt i => $"(if {string.Concat(i.Branches.Select(b => $"({Canon(b.Condition)} {Canon(b.Body)})"))} else {Canon(i.Else)})",
        _ => throw new ArgumentException($"unknown statement {stmt}", nameof(stmt)),
    };

    private static string Canon(IEnumerable<Expr> exprs) => "[" + string.Join(" ", exprs.Select(Canon)) + "]";

    private static string Canon(Expr expr) => expr switch
    {
        IntLit i => $"(int {i.Value.ToString(CultureInfo.InvariantCulture)})",
        BoolLit b => $"(bool {b.Value})",
        NameExpr n => $"(name {n.Name})",
        StrLit s => $"(str {Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Value))})",
        InterpolatedStr s => $"(interp {Canon(s.Parts)})",
        CallExpr c => $"(call {c.Function.Name} {Canon(c.Args)})",
        UnaryExpr u => $"(unary {u.Op} {Canon(u.Operand)})",
        BinaryExpr b => $"(binary {b.Op} {Canon(b.Left)} {Canon(b.Right)})",
        _ => throw new ArgumentException($"unknown expression {expr}", nameof(expr)),
    };
}
