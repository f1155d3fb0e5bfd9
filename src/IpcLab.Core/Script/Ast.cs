namespace IpcLab.Core.Script;

// The syntax tree of a script, as the parser produces it. It knows nothing of what an
// operation means: `lock m`, `put buffer, x` and `take buffer -> job` are all OpStmt, and
// declarations are all DeclStmt. The compiler gives them meaning and reports unknown names,
// wrong operand kinds and duplicates, with positions taken from here.

/// <summary>A whole script file.</summary>
/// <param name="Items">Top-level items in source order: declarations, processes, threads, expects.</param>
public sealed record ScriptAst(string File, IReadOnlyList<TopItem> Items);

public abstract record TopItem(SourcePos Pos);

/// <summary>A name as written, with where it was written.</summary>
public sealed record NameRef(string Name, SourcePos Pos);

/// <summary>
/// <c>KIND item, item, ...</c> where an item is <c>NAME [= expr] {WORD expr}</c>, for example
/// <c>mutex m</c>, <c>cond notFull, notEmpty</c>, <c>queue buffer capacity 2</c>,
/// <c>semaphore empty = 2, full = 0</c>, <c>shared count = 0</c>.
/// </summary>
public sealed record DeclStmt(SourcePos Pos, NameRef Kind, IReadOnlyList<DeclItem> Items) : TopItem(Pos);

/// <param name="Options">Keyword options in order, e.g. (capacity, 2).</param>
public sealed record DeclItem(NameRef Name, Expr? Initial, IReadOnlyList<DeclOption> Options);

public sealed record DeclOption(NameRef Key, Expr Value);

/// <summary><c>thread NAME [* COUNT]:</c> followed by an indented body.</summary>
/// <param name="Count">The instance count when written (<c>* 2</c>); null when not written.</param>
public sealed record ThreadDecl(SourcePos Pos, NameRef Name, Expr? Count, IReadOnlyList<Stmt> Body) : TopItem(Pos);

/// <summary><c>process NAME:</c> followed by an indented block of declarations and threads.</summary>
public sealed record ProcessDecl(SourcePos Pos, NameRef Name, IReadOnlyList<TopItem> Items) : TopItem(Pos);

/// <summary><c>expect EXPR [, MESSAGE]</c>: a final check, evaluated after every thread has ended.</summary>
public sealed record ExpectDecl(SourcePos Pos, Expr Condition, Expr? Message) : TopItem(Pos);

// ---- statements --------------------------------------------------------------------------

public abstract record Stmt(SourcePos Pos);

/// <summary>
/// An operation: <c>OP [arg, arg, ...] [-> target, target, ...]</c>, e.g. <c>lock m</c>,
/// <c>wait notFull, m</c>, <c>put buffer, "job {i}"</c>, <c>take buffer -> job</c>,
/// <c>trytake buffer -> job, ok</c>. Pos is the position of the operation word.
/// </summary>
public sealed record OpStmt(SourcePos Pos, NameRef Op, IReadOnlyList<Expr> Args, IReadOnlyList<NameRef> Targets) : Stmt(Pos);

/// <summary><c>NAME = expr</c>, <c>NAME += expr</c> or <c>NAME -= expr</c>. Op is "=", "+=" or "-=".</summary>
public sealed record AssignStmt(SourcePos Pos, NameRef Target, string Op, Expr Value) : Stmt(Pos)
{
    /// <summary>The word index of <c>seg[i] = value</c> (a shared-memory segment), or null for a plain name.</summary>
    public Expr? Index { get; init; }
}

/// <summary><c>if c: ... elif c: ... else: ...</c>; Else is empty when there is none.</summary>
public sealed record IfStmt(SourcePos Pos, IReadOnlyList<IfBranch> Branches, IReadOnlyList<Stmt> Else) : Stmt(Pos);

public sealed record IfBranch(SourcePos Pos, Expr Condition, IReadOnlyList<Stmt> Body);

public sealed record WhileStmt(SourcePos Pos, Expr Condition, IReadOnlyList<Stmt> Body) : Stmt(Pos);

/// <summary><c>for NAME in FROM..TO:</c>, both ends included.</summary>
public sealed record ForStmt(SourcePos Pos, NameRef Variable, Expr From, Expr To, IReadOnlyList<Stmt> Body) : Stmt(Pos);

/// <summary><c>repeat COUNT:</c></summary>
public sealed record RepeatStmt(SourcePos Pos, Expr Count, IReadOnlyList<Stmt> Body) : Stmt(Pos);

/// <summary><c>print expr, expr, ...</c></summary>
public sealed record PrintStmt(SourcePos Pos, IReadOnlyList<Expr> Values) : Stmt(Pos);

/// <summary><c>assert expr [, message]</c></summary>
public sealed record AssertStmt(SourcePos Pos, Expr Condition, Expr? Message) : Stmt(Pos);

/// <summary><c>pass</c>: a step that does nothing.</summary>
public sealed record PassStmt(SourcePos Pos) : Stmt(Pos);

// ---- expressions -------------------------------------------------------------------------

/// <summary>
/// An expression. <see cref="Depth"/> counts the levels of operators, calls, holes and indexes
/// down to its deepest literal or name (0 for those): every later walk over the tree (the compiler,
/// the printer, evaluation) recurses that deep, so the parser keeps it bounded.
/// </summary>
public abstract record Expr(SourcePos Pos)
{
    public virtual int Depth => 0;
}

public sealed record IntLit(SourcePos Pos, long Value) : Expr(Pos);

/// <summary>A string literal without interpolation (escapes already decoded).</summary>
public sealed record StrLit(SourcePos Pos, string Value) : Expr(Pos);

/// <summary><c>"job {self}.{i}"</c>: literal parts are StrLit, holes are any expression.</summary>
public sealed record InterpolatedStr(SourcePos Pos, IReadOnlyList<Expr> Parts) : Expr(Pos)
{
    public override int Depth { get; } = Parts.Select(p => p.Depth).DefaultIfEmpty(0).Max() + 1;
}

/// <summary><c>true</c> / <c>false</c>.</summary>
public sealed record BoolLit(SourcePos Pos, bool Value) : Expr(Pos);

public sealed record NameExpr(SourcePos Pos, string Name) : Expr(Pos);

/// <summary><c>seg[i]</c>: one word of a shared-memory segment; <c>seg[a..b]</c> (Index a <see cref="RangeExpr"/>): words a to b.</summary>
public sealed record IndexExpr(SourcePos Pos, NameRef Target, Expr Index) : Expr(Pos)
{
    public override int Depth { get; } = Index.Depth + 1;
}

/// <summary><c>a..b</c> inside brackets: a range of words, both ends included.</summary>
public sealed record RangeExpr(SourcePos Pos, Expr From, Expr To) : Expr(Pos)
{
    public override int Depth { get; } = Math.Max(From.Depth, To.Depth) + 1;
}

/// <summary><c>full(buffer)</c>, <c>size(buffer)</c>, ...</summary>
public sealed record CallExpr(SourcePos Pos, NameRef Function, IReadOnlyList<Expr> Args) : Expr(Pos)
{
    public override int Depth { get; } = Args.Select(a => a.Depth).DefaultIfEmpty(0).Max() + 1;
}

/// <summary>Op is "-" or "not".</summary>
public sealed record UnaryExpr(SourcePos Pos, string Op, Expr Operand) : Expr(Pos)
{
    public override int Depth { get; } = Operand.Depth + 1;
}

/// <summary>Op is one of + - * / % == != &lt; &lt;= &gt; &gt;= and or.</summary>
public sealed record BinaryExpr(SourcePos Pos, string Op, Expr Left, Expr Right) : Expr(Pos)
{
    public override int Depth { get; } = Math.Max(Left.Depth, Right.Depth) + 1;
}
