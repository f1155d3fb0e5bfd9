using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Script;

public class ParserTests
{
    private const string BoundedBuffer = """
        # bounded buffer
        queue buffer capacity 2
        mutex m
        cond notFull, notEmpty

        thread producer * 2:
            for i in 1..3:
                lock m
                while full(buffer):
                    wait notFull, m
                put buffer, "job {self}.{i}"
                signal notEmpty
                unlock m

        thread consumer:
            repeat 6:
                lock m
                while empty(buffer):
                    wait notEmpty, m
                take buffer -> job
                signal notFull
                unlock m
                print job
        """;

    [Fact]
    public void Parse_BoundedBuffer_ProducesDeclarationsThenTwoThreads()
    {
        var ast = Parser.Parse("bb.ipc", BoundedBuffer);

        Assert.Equal("bb.ipc", ast.File);
        Assert.Collection(
            ast.Items,
            item => AssertDecl(item, "queue", "buffer"),
            item => AssertDecl(item, "mutex", "m"),
            item => AssertDecl(item, "cond", "notFull", "notEmpty"),
            item => Assert.Equal("producer", Assert.IsType<ThreadDecl>(item).Name.Name),
            item => Assert.Equal("consumer", Assert.IsType<ThreadDecl>(item).Name.Name));
        var queue = Assert.IsType<DeclStmt>(ast.Items[0]).Items[0];
        var option = Assert.Single(queue.Options);
        Assert.Equal("capacity", option.Key.Name);
        Assert.Equal(2, Assert.IsType<IntLit>(option.Value).Value);
        Assert.Equal(2, Assert.IsType<IntLit>(((ThreadDecl)ast.Items[3]).Count).Value);
        Assert.Null(((ThreadDecl)ast.Items[4]).Count);
        Assert.Equal(new SourcePos(6, 1), ast.Items[3].Pos);
    }

    [Fact]
    public void Parse_BoundedBuffer_ProducerBodyHasNestedStatements()
    {
        var producer = (ThreadDecl)Parser.Parse("bb.ipc", BoundedBuffer).Items[3];

        var loop = Assert.IsType<ForStmt>(Assert.Single(producer.Body));
        Assert.Equal("i", loop.Variable.Name);
        Assert.Equal(1, Assert.IsType<IntLit>(loop.From).Value);
        Assert.Equal(3, Assert.IsType<IntLit>(loop.To).Value);
        Assert.Collection(
            loop.Body,
            s => AssertOp(s, "lock", "m"),
            s => Assert.IsType<WhileStmt>(s),
            s => AssertOp(s, "put", "buffer", "<string>"),
            s => AssertOp(s, "signal", "notEmpty"),
            s => AssertOp(s, "unlock", "m"));
        var wait = Assert.IsType<WhileStmt>(loop.Body[1]);
        var full = Assert.IsType<CallExpr>(wait.Condition);
        Assert.Equal("full", full.Function.Name);
        Assert.Equal("buffer", Assert.IsType<NameExpr>(Assert.Single(full.Args)).Name);
        AssertOp(Assert.Single(wait.Body), "wait", "notFull", "m");
        Assert.Equal(new SourcePos(8, 9), loop.Body[0].Pos);
    }

    [Fact]
    public void Parse_BoundedBuffer_InterpolatedJobHasLiteralAndHoleParts()
    {
        var producer = (ThreadDecl)Parser.Parse("bb.ipc", BoundedBuffer).Items[3];
        var put = (OpStmt)((ForStmt)producer.Body[0]).Body[2];

        var job = Assert.IsType<InterpolatedStr>(put.Args[1]);
        Assert.Equal(new SourcePos(11, 21), job.Pos);
        Assert.Collection(
            job.Parts,
            p => Assert.Equal(new StrLit(new SourcePos(11, 22), "job "), p),
            p => Assert.Equal(new NameExpr(new SourcePos(11, 27), "self"), p),
            p => Assert.Equal(new StrLit(new SourcePos(11, 32), "."), p),
            p => Assert.Equal(new NameExpr(new SourcePos(11, 34), "i"), p));
    }

    [Fact]
    public void Parse_BoundedBuffer_TakeHasTargetAndPrintFollows()
    {
        var consumer = (ThreadDecl)Parser.Parse("bb.ipc", BoundedBuffer).Items[4];

        var repeat = Assert.IsType<RepeatStmt>(Assert.Single(consumer.Body));
        Assert.Equal(6, Assert.IsType<IntLit>(repeat.Count).Value);
        var take = Assert.IsType<OpStmt>(repeat.Body[2]);
        AssertOp(take, "take", "buffer");
        Assert.Equal(new NameRef("job", new SourcePos(20, 24)), Assert.Single(take.Targets));
        var print = Assert.IsType<PrintStmt>(repeat.Body[^1]);
        Assert.Equal("job", Assert.IsType<NameExpr>(Assert.Single(print.Values)).Name);
    }

    [Fact]
    public void Parse_OneLineWhile_BodyIsSingleOperation()
    {
        var body = ThreadBody("while full(buffer): wait notFull, m\nunlock m");

        var loop = Assert.IsType<WhileStmt>(body[0]);
        AssertOp(Assert.Single(loop.Body), "wait", "notFull", "m");
        AssertOp(body[1], "unlock", "m");
    }

    [Fact]
    public void Parse_IfElifElse_ProducesBranchesInOrder()
    {
        var body = ThreadBody("if x > 0:\n    print 1\nelif x < 0: print 2\nelse:\n    pass\n    pass");

        var branchy = Assert.IsType<IfStmt>(Assert.Single(body));
        Assert.Equal(2, branchy.Branches.Count);
        Assert.Equal(">", Assert.IsType<BinaryExpr>(branchy.Branches[0].Condition).Op);
        Assert.Equal("<", Assert.IsType<BinaryExpr>(branchy.Branches[1].Condition).Op);
        Assert.Equal(new SourcePos(4, 5), branchy.Branches[1].Pos);
        Assert.IsType<PrintStmt>(Assert.Single(branchy.Branches[1].Body));
        Assert.Equal(2, branchy.Else.Count);
        Assert.All(branchy.Else, s => Assert.IsType<PassStmt>(s));
    }

    [Fact]
    public void Parse_IfWithoutElse_HasEmptyElse()
    {
        var branchy = Assert.IsType<IfStmt>(Assert.Single(ThreadBody("if x > 0: print x")));

        Assert.Single(branchy.Branches);
        Assert.Empty(branchy.Else);
    }

    [Fact]
    public void Parse_ForAndRepeat_ReadRangeAndCount()
    {
        var body = ThreadBody("for k in n - 1..2 * n: pass\nrepeat count + 1:\n    pass");

        var loop = Assert.IsType<ForStmt>(body[0]);
        Assert.Equal("(n - 1)", Render(loop.From));
        Assert.Equal("(2 * n)", Render(loop.To));
        Assert.Equal("(count + 1)", Render(Assert.IsType<RepeatStmt>(body[1]).Count));
    }

    [Fact]
    public void Parse_Assignments_KeepTheirOperator()
    {
        var body = ThreadBody("count = 0\ncount += 1\ncount -= -2");

        Assert.Equal(["=", "+=", "-="], body.Select(s => Assert.IsType<AssignStmt>(s).Op));
        Assert.Equal("(-2)", Render(((AssignStmt)body[2]).Value));
    }

    [Fact]
    public void Parse_Operations_ReadArgumentsAndTargets()
    {
        var body = ThreadBody("trytake buffer -> job, ok\nP s\nyield\nsend ch, x + 1, \"hi\"");

        var trytake = AssertOp(body[0], "trytake", "buffer");
        Assert.Equal(["job", "ok"], trytake.Targets.Select(t => t.Name));
        AssertOp(body[1], "P", "s");
        AssertOp(body[2], "yield");
        AssertOp(body[3], "send", "ch", "(x + 1)", "<string>");
    }

    [Fact]
    public void Parse_PrintAndAssert_ReadValuesAndMessage()
    {
        var body = ThreadBody("print a, \"b\"\nassert a == 1\nassert a != 2, \"a is {a}\"");

        Assert.Equal(2, Assert.IsType<PrintStmt>(body[0]).Values.Count);
        Assert.Null(Assert.IsType<AssertStmt>(body[1]).Message);
        Assert.IsType<InterpolatedStr>(Assert.IsType<AssertStmt>(body[2]).Message);
    }

    [Fact]
    public void Parse_DeclarationsWithInitialValuesAndOptions_KeepEveryItem()
    {
        var ast = Parser.Parse("d.ipc", "semaphore empty = 2, full = 0\nshared name = \"x\"\nqueue q capacity n + 1 policy \"fifo\", r\n");

        var semaphores = (DeclStmt)ast.Items[0];
        Assert.Equal(["empty", "full"], semaphores.Items.Select(i => i.Name.Name));
        Assert.Equal([2L, 0L], semaphores.Items.Select(i => ((IntLit)i.Initial!).Value));
        Assert.Equal("x", Assert.IsType<StrLit>(((DeclStmt)ast.Items[1]).Items[0].Initial).Value);
        var queues = (DeclStmt)ast.Items[2];
        Assert.Equal(["capacity", "policy"], queues.Items[0].Options.Select(o => o.Key.Name));
        Assert.Equal("(n + 1)", Render(queues.Items[0].Options[0].Value));
        Assert.Empty(queues.Items[1].Options);
        Assert.Null(queues.Items[1].Initial);
    }

    [Fact]
    public void Parse_Process_HoldsDeclarationsAndThreads()
    {
        var ast = Parser.Parse("p.ipc", "process server:\n    pipe requests\n    thread main * 2:\n        pass\nexpect done\n");

        var process = Assert.IsType<ProcessDecl>(ast.Items[0]);
        Assert.Equal("server", process.Name.Name);
        AssertDecl(process.Items[0], "pipe", "requests");
        Assert.Equal("main", Assert.IsType<ThreadDecl>(process.Items[1]).Name.Name);
        Assert.IsType<ExpectDecl>(ast.Items[1]);
    }

    [Fact]
    public void Parse_Expect_ReadsConditionAndOptionalMessage()
    {
        var ast = Parser.Parse("e.ipc", "expect count == 6, \"lost updates\"\nexpect true\n");

        var first = Assert.IsType<ExpectDecl>(ast.Items[0]);
        Assert.Equal("(count == 6)", Render(first.Condition));
        Assert.Equal("lost updates", Assert.IsType<StrLit>(first.Message).Value);
        Assert.Equal(new BoolLit(new SourcePos(2, 8), true), ((ExpectDecl)ast.Items[1]).Condition);
        Assert.Null(((ExpectDecl)ast.Items[1]).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n    # indented comment\n\t\n")]
    public void Parse_NothingButBlanksAndComments_ReturnsNoItems(string text) =>
        Assert.Empty(Parser.Parse("e.ipc", text).Items);

    [Fact]
    public void Parse_CrLfAndNoFinalNewline_GivesSamePositionsAsLf()
    {
        const string Text = "thread t:\n    lock m # a comment with \"\n    print \"a\"";

        var lf = Parser.Parse("f.ipc", Text);
        var crlf = Parser.Parse("f.ipc", Text.Replace("\n", "\r\n"));

        var lfPrint = (PrintStmt)((ThreadDecl)lf.Items[0]).Body[1];
        var crlfPrint = (PrintStmt)((ThreadDecl)crlf.Items[0]).Body[1];
        Assert.Equal(new StrLit(new SourcePos(3, 11), "a"), crlfPrint.Values[0]);
        Assert.Equal(lfPrint.Values[0], crlfPrint.Values[0]);
    }

    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("1 - 2 - 3", "((1 - 2) - 3)")]
    [InlineData("a / b % c * d", "(((a / b) % c) * d)")]
    [InlineData("(1 + 2) * 3", "((1 + 2) * 3)")]
    [InlineData("-a * -b", "((-a) * (-b))")]
    [InlineData("a or b and c", "(a or (b and c))")]
    [InlineData("not a == b and c", "((not (a == b)) and c)")]
    [InlineData("a < b + 1 or size(q, 2) >= 3", "((a < (b + 1)) or (size(q, 2) >= 3))")]
    [InlineData("not not true != false", "(not (not (true != false)))")]
    [InlineData("(a <= b) == (c > d)", "((a <= b) == (c > d))")]
    public void ParseExpression_Operators_FollowPrecedence(string text, string expected) =>
        Assert.Equal(expected, Render(Parser.ParseExpression("x.ipc", text)));

    [Fact]
    public void ParseExpression_BinaryAndUnary_ArePositionedAtTheOperator()
    {
        var sum = Assert.IsType<BinaryExpr>(Parser.ParseExpression("x.ipc", "ab + -c"));

        Assert.Equal(new SourcePos(1, 4), sum.Pos);
        Assert.Equal(new SourcePos(1, 1), sum.Left.Pos);
        Assert.Equal(new SourcePos(1, 6), sum.Right.Pos);
        Assert.Equal(new SourcePos(1, 7), ((UnaryExpr)sum.Right).Operand.Pos);
    }

    [Fact]
    public void ParseExpression_Escapes_AreDecoded()
    {
        var text = Assert.IsType<StrLit>(Parser.ParseExpression("x.ipc", """ "a\"b\\c\n\t\{\}{{}}" """));

        Assert.Equal("a\"b\\c\n\t{}{}", text.Value);
    }

    [Fact]
    public void ParseExpression_Holes_HaveRealPositionsAndSkipEmptyPieces()
    {
        var text = Assert.IsType<InterpolatedStr>(Parser.ParseExpression("x.ipc", "\"{i + 1}{\"in{j}\"}!\""));

        Assert.Equal(3, text.Parts.Count);
        Assert.Equal(new SourcePos(1, 5), Assert.IsType<BinaryExpr>(text.Parts[0]).Pos);
        var inner = Assert.IsType<InterpolatedStr>(text.Parts[1]);
        Assert.Equal(new SourcePos(1, 10), inner.Pos);
        Assert.Equal(new NameExpr(new SourcePos(1, 14), "j"), inner.Parts[1]);
        Assert.Equal(new StrLit(new SourcePos(1, 18), "!"), text.Parts[2]);
    }

    [Fact]
    public void ParseExpression_LargestLong_IsAccepted() =>
        Assert.Equal(long.MaxValue, Assert.IsType<IntLit>(Parser.ParseExpression("x.ipc", "9223372036854775807")).Value);

    [Theory]
    [InlineData("thread t:\n    while x\n        pass\n", 2, 12, "expected ':' after the while condition, found end of line")]
    [InlineData("thread t:\n    if x:\n        lock m\n      unlock m\n", 4, 7, "inconsistent indentation: expected column 5 or 9")]
    [InlineData("mutex m\n    mutex n\n", 2, 5, "unexpected indent")]
    [InlineData("thread t:\n    lock m\n\tunlock m\n", 3, 1, "tabs are not allowed in indentation; use spaces")]
    [InlineData("thread t:\n    print \"hello\n", 2, 11, "unterminated string")]
    [InlineData("thread t:\n    print \"a {x\"\n", 2, 11, "unterminated string")]
    [InlineData("thread t:\n    x = 1 $ 2\n", 2, 11, "unexpected character '$'")]
    [InlineData("mutex while\n", 1, 7, "expected a name after 'mutex', found keyword 'while'")]
    [InlineData("thread t:\n    take q -> if\n", 2, 15, "found keyword 'if'")]
    [InlineData("thread t:\n    print (1 + )\n", 2, 16, "expected an expression, found ')'")]
    [InlineData("thread t:\n    print (1 + 2\n", 2, 17, "expected ')' to close the '(' at 2:11, found end of line")]
    [InlineData("expect a < b < c\n", 1, 14, "comparisons cannot be chained")]
    [InlineData("thread:\n    pass\n", 1, 7, "expected a name after 'thread', found ':'")]
    [InlineData("thread t:\nmutex m\n", 2, 1, "expected an indented block for the body of thread 't', found 'mutex'")]
    [InlineData("thread t:\n    while x:\n", 3, 1, "expected an indented block for the while body, found end of file")]
    [InlineData("shared x = 99999999999999999999\n", 1, 12, "is too large")]
    [InlineData("thread t:\n    if x: pass\n    else pass\n", 3, 10, "expected ':' after 'else', found keyword 'pass'")]
    [InlineData("thread t:\n    pass\n    else: pass\n", 3, 5, "'else' without a matching 'if'")]
    [InlineData("thread t:\n    while x: while y: pass\n", 2, 14, "'while' cannot follow ':' on the same line")]
    [InlineData("process p:\n    process q:\n        mutex m\n", 2, 5, "processes cannot be nested")]
    [InlineData("thread t:\n    print \"a } b\"\n", 2, 14, "single '}' in a string")]
    [InlineData("thread t:\n    print \"a \\q\"\n", 2, 14, "unknown escape '\\q'")]
    [InlineData("thread t:\n    print \"{}\"\n", 2, 13, "expected an expression, found '}'")]
    [InlineData("thread t:\n    for i in 1 3: pass\n", 2, 16, "expected '..' after the start of the range, found number 3")]
    [InlineData("x = 1\n", 1, 1, "assignments belong inside a thread")]
    [InlineData("thread t:\n    print 1.5\n", 2, 11, "only whole numbers are supported")]
    [InlineData("thread t:\r\n    while x\r\n        pass\r\n", 2, 12, "expected ':' after the while condition")]
    [InlineData("thread t:\n    while x\n        print \"never reached\n", 2, 12, "expected ':'")]
    public void Parse_Mistake_ReportsPositionAndWhatWasExpected(string text, int line, int column, string fragment)
    {
        var error = Assert.Throws<ScriptError>(() => Parser.Parse("bad.ipc", text));

        Assert.Equal(new SourcePos(line, column), error.Pos);
        Assert.Contains(fragment, error.Detail, StringComparison.Ordinal);
        Assert.Equal("bad.ipc", error.File);
        Assert.StartsWith($"bad.ipc:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000, '(')]
    [InlineData(100_000, '-')]
    public void ParseExpression_DeepNesting_ThrowsScriptError(int depth, char opener)
    {
        var error = Assert.Throws<ScriptError>(() => Parser.ParseExpression("deep.ipc", new string(opener, depth) + "1"));

        Assert.Contains("nesting too deep", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedBlocks_ThrowsScriptError()
    {
        var text = "thread t:\n" + string.Concat(Enumerable.Range(1, 500).Select(i => new string(' ', i) + "while x:\n"));

        var error = Assert.Throws<ScriptError>(() => Parser.Parse("deep.ipc", text));

        Assert.Contains("nesting too deep", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 2", "expected end of the expression, found number 2")]
    [InlineData("", "expected an expression, found end of file")]
    public void ParseExpression_Leftovers_ThrowScriptError(string text, string fragment) =>
        Assert.Contains(fragment, Assert.Throws<ScriptError>(() => Parser.ParseExpression("x.ipc", text)).Detail, StringComparison.Ordinal);

    private static IReadOnlyList<Stmt> ThreadBody(string body)
    {
        var indented = string.Join("\n", body.Split('\n').Select(line => "    " + line));
        return Assert.IsType<ThreadDecl>(Assert.Single(Parser.Parse("t.ipc", "thread t:\n" + indented + "\n").Items)).Body;
    }

    private static void AssertDecl(TopItem item, string kind, params string[] names)
    {
        var decl = Assert.IsType<DeclStmt>(item);
        Assert.Equal(kind, decl.Kind.Name);
        Assert.Equal(names, decl.Items.Select(i => i.Name.Name));
    }

    private static OpStmt AssertOp(Stmt stmt, string op, params string[] args)
    {
        var operation = Assert.IsType<OpStmt>(stmt);
        Assert.Equal(op, operation.Op.Name);
        Assert.Equal(operation.Pos, operation.Op.Pos);
        Assert.Equal(args, operation.Args.Select(Render));
        return operation;
    }

    /// <summary>Fully parenthesised rendering; strings render as &lt;string&gt;.</summary>
    private static string Render(Expr expr) => expr switch
    {
        IntLit i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BoolLit b => b.Value ? "true" : "false",
        NameExpr n => n.Name,
        StrLit or InterpolatedStr => "<string>",
        CallExpr c => $"{c.Function.Name}({string.Join(", ", c.Args.Select(Render))})",
        UnaryExpr { Op: "-" } u => $"(-{Render(u.Operand)})",
        UnaryExpr u => $"({u.Op} {Render(u.Operand)})",
        BinaryExpr b => $"({Render(b.Left)} {b.Op} {Render(b.Right)})",
        _ => throw new ArgumentException($"unknown expression {expr}", nameof(expr)),
    };
}
