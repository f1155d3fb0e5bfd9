using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Script;

public class ParserPropertyTests
{
    private static readonly SourcePos s_nowhere = new(0, 0);

    private static readonly string[] s_names = ["a", "b", "x1", "_tmp", "self", "buffer", "lock", "Zähler"];

    private static readonly string[] s_alphabet =
    [
        "lock", "m", ":", "\n", "\r\n", "    ", " ", "\t", "\"", "{", "}", "{{", "\\", "..", "(", ")", "->", ",",
        "if", "else", "while", "thread", "t", "process", "expect", "for", "in", "repeat", "print", "not", "and",
        "#", "0", "7", "99999999999999999999", "=", "+=", "-", "*", "<", "==", "$", "\0", "é",
    ];

    // A fixed seed keeps every run identical; a failure prints the smallest input it found.
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(1000).WithQuietOnSuccess(true).WithReplay(20_250_601UL, 0x9E3779B97F4A7C15UL);

    [Fact]
    public void Parse_ArbitraryText_ThrowsOnlyScriptErrorsWithinTheText() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => FailsCleanly(text ?? "")).Check(s_config);

    [Fact]
    public void Parse_TextFromTokenAlphabet_ThrowsOnlyScriptErrorsWithinTheText()
    {
        var texts = Gen.Elements(s_alphabet).ListOf().Select(string.Concat);
        Prop.ForAll(texts.ToArbitrary(), FailsCleanly).Check(s_config);
    }

    [Fact]
    public void ParseExpression_FullyParenthesised_RoundTrips()
    {
        var exprs = Gen.Sized(size => GenExpr(Math.Min(size, 12) / 3));
        Prop.ForAll(exprs.ToArbitrary(), expr =>
            Canon(Parser.ParseExpression("g.ipc", Print(expr, fullyParenthesised: true, 0))) == Canon(expr))
            .Check(s_config);
    }

    [Fact]
    public void ParseExpression_MinimallyParenthesised_RoundTrips()
    {
        var exprs = Gen.Sized(size => GenExpr(Math.Min(size, 12) / 3));
        Prop.ForAll(exprs.ToArbitrary(), expr =>
            Canon(Parser.ParseExpression("g.ipc", Print(expr, fullyParenthesised: false, 0))) == Canon(expr))
            .Check(s_config);
    }

    [Fact]
    public void Parse_GeneratedProgram_RoundTrips()
    {
        var programs = Gen.Sized(size => GenBody(Math.Min(size, 12) / 4)).Two();
        Prop.ForAll(programs.ToArbitrary(), bodies =>
        {
            var text = $"mutex m\nthread one * 2:\n{PrintBody(bodies.Item1, 1)}thread two:\n{PrintBody(bodies.Item2, 1)}";
            var threads = Parser.Parse("g.ipc", text).Items.OfType<ThreadDecl>().ToList();
            return threads.Count == 2
                && Canon(threads[0].Body) == Canon(bodies.Item1)
                && Canon(threads[1].Body) == Canon(bodies.Item2);
        }).Check(s_config);
    }

    private static bool FailsCleanly(string text)
    {
        try
        {
            Parser.Parse("fuzz.ipc", text);
        }
        catch (ScriptError error)
        {
            var lineCount = text.Split('\n').Length;
            return error.Pos.Line >= 1 && error.Pos.Line <= lineCount + 1 && error.Pos.Column >= 1
                && error.File == "fuzz.ipc";
        }

        return true;
    }

    // ---- generators ----------------------------------------------------------------------------

    private static Gen<Expr> GenExpr(int depth)
    {
        var leaves = Gen.OneOf(
            Gen.Choose(0, int.MaxValue).Select(n => (Expr)new IntLit(s_nowhere, n)),
            Gen.Elements(0L, long.MaxValue).Select(n => (Expr)new IntLit(s_nowhere, n)),
            Gen.Elements(true, false).Select(b => (Expr)new BoolLit(s_nowhere, b)),
            Gen.Elements(s_names).Select(n => (Expr)new NameExpr(s_nowhere, n)),
            GenText().Select(t => (Expr)new StrLit(s_nowhere, t)));
        if (depth <= 0)
        {
            return leaves;
        }

        var sub = GenExpr(depth - 1);
        var ops = new[] { "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or" };
        return Gen.OneOf(
            leaves,
            Gen.Elements(ops).SelectMany(op => sub.Two().Select(p => (Expr)new BinaryExpr(s_nowhere, op, p.Item1, p.Item2))),
            Gen.Elements("-", "not").SelectMany(op => sub.Select(e => (Expr)new UnaryExpr(s_nowhere, op, e))),
            Gen.Elements(s_names).SelectMany(f => Gen.Choose(0, 3).SelectMany(n => sub.ListOf(n))
                .Select(args => (Expr)new CallExpr(s_nowhere, new NameRef(f, s_nowhere), args))),
            GenInterpolated(sub));
    }

    /// <summary>Holes separated by non-empty literals or by nothing, as the parser builds them.</summary>
    private static Gen<Expr> GenInterpolated(Gen<Expr> holes) =>
        Gen.Choose(1, 3).SelectMany(n => Gen.Zip(GenText().Select(t => t.Length == 0 ? null : t), holes).ListOf(n))
            .SelectMany(pairs => GenText().Select(tail =>
            {
                var parts = new List<Expr>();
                foreach (var (text, hole) in pairs)
                {
                    if (text is not null)
                    {
                        parts.Add(new StrLit(s_nowhere, text));
                    }

                    parts.Add(hole);
                }

                if (tail.Length > 0)
                {
                    parts.Add(new StrLit(s_nowhere, tail));
                }

                return (Expr)new InterpolatedStr(s_nowhere, parts);
            }));

    private static Gen<string> GenText() =>
        Gen.Elements("a", " ", "\"", "\\", "{", "}", "\n", "\t", "#", "é", "->").ListOf().Select(string.Concat);

    private static Gen<NameRef> GenName() => Gen.Elements(s_names).Select(n => new NameRef(n, s_nowhere));

    private static Gen<List<Stmt>> GenBody(int depth) => Gen.Choose(1, 3).SelectMany(n => GenStmt(depth).ListOf(n));

    private static Gen<Stmt> GenStmt(int depth)
    {
        var expr = GenExpr(1);
        var simple = Gen.OneOf(
            from op in GenName()
            from args in Gen.Choose(0, 2).SelectMany(n => expr.ListOf(n))
            from targets in Gen.Choose(0, 2).SelectMany(n => GenName().ListOf(n))
            select (Stmt)new OpStmt(s_nowhere, op, args, targets),
            from target in GenName()
            from op in Gen.Elements("=", "+=", "-=")
            from value in expr
            select (Stmt)new AssignStmt(s_nowhere, target, op, value),
            Gen.Choose(1, 3).SelectMany(n => expr.ListOf(n)).Select(values => (Stmt)new PrintStmt(s_nowhere, values)),
            from condition in expr
            from message in expr.OrNull()
            select (Stmt)new AssertStmt(s_nowhere, condition, message),
            Gen.Constant((Stmt)new PassStmt(s_nowhere)));
        if (depth <= 0)
        {
            return simple;
        }

        var body = GenBody(depth - 1);
        var branch = from condition in expr from b in body select new IfBranch(s_nowhere, condition, b);
        return Gen.OneOf(
            simple,
            from condition in expr from b in body select (Stmt)new WhileStmt(s_nowhere, condition, b),
            from count in expr from b in body select (Stmt)new RepeatStmt(s_nowhere, count, b),
            from variable in GenName()
            from range in expr.Two()
            from b in body
            select (Stmt)new ForStmt(s_nowhere, variable, range.Item1, range.Item2, b),
            from branches in Gen.Choose(1, 3).SelectMany(n => branch.ListOf(n))
            from otherwise in Gen.OneOf(Gen.Constant(new List<Stmt>()), body)
            select (Stmt)new IfStmt(s_nowhere, branches, otherwise));
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
