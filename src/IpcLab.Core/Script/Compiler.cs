using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

/// <summary>
/// Turns a parsed script into a <see cref="CompiledProgram"/>, reporting unknown names, wrong
/// operand kinds, type mismatches and duplicate names as <see cref="ScriptError"/>s with positions.
/// </summary>
public static class Compiler
{
    public const int MaxInstances = 32;
    public const int MaxCapacity = 64;

    /// <summary>A segment records the processes that map it in the bits of one word.</summary>
    public const int MaxProcesses = 62;

    /// <summary>Parses and compiles a script text.</summary>
    public static CompiledProgram CompileText(string file, string text) => Compile(Parser.Parse(file, text), text);

    public static CompiledProgram Compile(ScriptAst ast, string source)
    {
        var file = ast.File;
        var declarations = new Declarations(file);
        var threadDecls = new List<(ThreadDecl Decl, int Process)>();
        var processes = new List<(string Name, SourcePos Pos)>();
        var expects = new List<ExpectDecl>();
        var processIds = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var item in ast.Items)
        {
            switch (item)
            {
                case DeclStmt d:
                    declarations.Add(d, process: -1);
                    break;
                case ThreadDecl t:
                    threadDecls.Add((t, -1));
                    break;
                case ExpectDecl e:
                    expects.Add(e);
                    break;
                case ProcessDecl p:
                    if (processIds.TryGetValue(p.Name.Name, out var dup))
                    {
                        throw new ScriptError(file, p.Name.Pos, $"duplicate process name '{p.Name.Name}' (first declared at line {processes[dup].Pos.Line})");
                    }

                    var pid = processes.Count;
                    processes.Add((p.Name.Name, p.Name.Pos));
                    processIds.Add(p.Name.Name, pid);
                    foreach (var inner in p.Items)
                    {
                        switch (inner)
                        {
                            case DeclStmt d: declarations.Add(d, pid); break;
                            case ThreadDecl t: threadDecls.Add((t, pid)); break;
                            default: throw new ScriptError(file, inner.Pos, "a process holds only declarations and threads");
                        }
                    }

                    break;
            }
        }

        // Top-level threads live in a process called "main" (the only one when none is declared).
        // A declared `process main:` is that same process.
        var mainProcess = processIds.GetValueOrDefault("main", -1);
        if (mainProcess < 0 && threadDecls.Any(t => t.Process < 0))
        {
            mainProcess = processes.Count;
            processes.Add(("main", new SourcePos(1, 1)));
            processIds.Add("main", mainProcess);
        }

        var literals = new LiteralTable();
        var queueKinds = new Dictionary<int, ValueKind>();
        var objects = Objects.Broker.BrokerTopology.Resolve(file, declarations.Build(literals), Objects.Exchange.DefaultExchange.IsPublishedTo(threadDecls.Select(t => t.Decl)));

        // Built once and shared by every thread's scope, so compiling is linear in the program's size.
        var globals = Declarations.Globals(objects);
        var byProcess = Declarations.ByProcess(objects);
        var privateObjects = Declarations.PrivateOwners(objects);
        var processNames = processes.Select(p => p.Name).ToArray();
        Scope ScopeFor(int process) => new(file, globals, process < 0 ? null : byProcess.GetValueOrDefault(process) ?? [])
        {
            QueueKinds = queueKinds,
            Processes = processNames,
            ProcessIds = processIds,
            Process = process < 0 ? mainProcess : process,
            PrivateObjects = privateObjects,
        };

        InferQueueKinds(threadDecls, ScopeFor, literals);

        var threads = new List<ThreadInfo>();
        var names = new Dictionary<string, SourcePos>(StringComparer.Ordinal);
        foreach (var (decl, declaredIn) in threadDecls)
        {
            var process = declaredIn < 0 ? mainProcess : declaredIn;
            if (names.TryGetValue(decl.Name.Name, out var first))
            {
                throw new ScriptError(file, decl.Name.Pos, $"duplicate thread name '{decl.Name.Name}' (first declared at line {first.Line})");
            }

            names[decl.Name.Name] = decl.Name.Pos;
            var scope = ScopeFor(declaredIn);
            var code = new ThreadCompiler(scope, literals).Compile(decl.Body);
            var count = InstanceCount(file, decl);
            var attached = AttachedGroups(code);
            for (var i = 1; i <= count; i++)
            {
                var name = decl.Count is null ? decl.Name.Name : $"{decl.Name.Name}-{i}";
                threads.Add(new ThreadInfo(threads.Count, name, decl.Name.Name, i, process, code, scope.Locals) { AttachedGroups = attached });
            }
        }

        Objects.Broker.BrokerTopology.AddProcess(file, objects, processes, processIds, threads);
        Objects.Topic.ReplicaTopology.AddProcesses(file, objects, processes, processIds, threads);

        var finalScope = new Scope(file, globals, null) { IsGlobal = true, QueueKinds = queueKinds };
        var checks = expects.Select(e => CompileExpect(e, finalScope, literals)).ToArray();

        // A channel carries what its first put or send put in it (an int when nothing is ever sent).
        objects = objects.Select(o => queueKinds.TryGetValue(o.Id, out var carries) ? o with { ValueKind = carries } : o).ToArray();
        var spawned = threads.SelectMany(t => t.Code).Where(i => i.Op == OpCode.Spawn).Select(i => i.A).ToHashSet();
        var threadsOf = threads.ToLookup(t => t.Process, t => t.Id);
        var processInfos = processes.Select((p, id) => new ProcessInfo(id, p.Name, threadsOf[id].ToArray())
        {
            StartsOnSpawn = spawned.Contains(id),
        }).ToArray();
        if (processInfos.Length > MaxProcesses)
        {
            throw new ScriptError(file, processes[MaxProcesses].Pos, $"at most {MaxProcesses} processes");
        }

        return new CompiledProgram
        {
            File = file,
            Source = source,
            Objects = objects,
            Processes = processInfos,
            Threads = threads,
            Expectations = checks,
            Literals = literals.Items.ToArray(),
        };
    }

    /// <summary>
    /// A queue's element type is set by the first put the compiler sees, but a consumer may be
    /// written above its producer. So every thread is compiled once just to see its puts; any
    /// error it has is reported by the real compilation that follows, in source order.
    /// </summary>
    private static void InferQueueKinds(List<(ThreadDecl Decl, int Process)> threads, Func<int, Scope> scopeFor, LiteralTable literals)
    {
        foreach (var (decl, process) in threads)
        {
            try
            {
                new ThreadCompiler(scopeFor(process), literals).Compile(decl.Body);
            }
            catch (ScriptError)
            {
                // Reported by the second pass, which compiles this same body again.
            }
        }
    }

    /// <summary>The groups a thread's code can receive from or joins: it is on their segments while alive.</summary>
    private static int[] AttachedGroups(Instr[] code) =>
        code.Where(i => i.Op is OpCode.GroupReceive or OpCode.GroupTryReceive or OpCode.GroupTimedReceive or OpCode.Join)
            .Select(i => i.A)
            .Distinct()
            .Order()
            .ToArray();

    private static int InstanceCount(string file, ThreadDecl decl)
    {
        if (decl.Count is null)
        {
            return 1;
        }

        if (decl.Count is not IntLit { Value: >= 1 and <= MaxInstances } n)
        {
            throw new ScriptError(file, decl.Count.Pos, $"the thread count must be a whole number from 1 to {MaxInstances}, e.g. `thread {decl.Name.Name} * 2:`");
        }

        return (int)n.Value;
    }

    private static Expectation CompileExpect(ExpectDecl e, Scope scope, LiteralTable literals)
    {
        var exprs = new ExprCompiler(scope, literals);
        var condition = exprs.CompileCondition(e.Condition);
        string? message = e.Message switch
        {
            null => null,
            StrLit s => s.Value,
            _ => throw scope.Error(e.Message.Pos, "the message of a final check must be a plain string"),
        };
        return new Expectation(e.Pos, condition, ExprPrinter.Print(e.Condition), message);
    }
}
