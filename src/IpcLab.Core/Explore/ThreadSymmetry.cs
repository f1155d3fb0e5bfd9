using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The symmetry reduction: threads with the same code (one block, or blocks written alike, line for
/// line) in the same process, or in processes that nothing tells apart (<see cref="Swappable"/>),
/// whose code never names itself (<c>self</c>), can swap places without any observer telling the difference.
/// <see cref="Key"/> hashes a state with each group of such threads sorted by their records, so
/// states that differ only by a renaming of interchangeable threads get one key. The renaming is a
/// real one (the sorted order), so two states with one key are the same up to renaming: merging
/// them never mixes up states that behave differently. Threads with equal records are kept in id
/// order, which may leave a few renamed copies apart; that costs states, never a finding.
/// </summary>
internal sealed class ThreadSymmetry
{
    private static readonly HashSet<OpCode> RenamableOps =
    [
        OpCode.SetLocal, OpCode.Branch, OpCode.ForInit, OpCode.ForNext, OpCode.RepeatInit, OpCode.RepeatNext,
        OpCode.Print, OpCode.Assert, OpCode.Pass, OpCode.Handle, OpCode.Load, OpCode.Store,
        OpCode.Lock, OpCode.Reacquire, OpCode.TryLock, OpCode.Unlock, OpCode.CondWait, OpCode.Signal, OpCode.Broadcast,
        OpCode.SemP, OpCode.SemV, OpCode.Put, OpCode.Take, OpCode.TryPut, OpCode.TryTake,
    ];

    private readonly int[][] _groups;
    private readonly int[] _order;
    private readonly int[] _renamed;
    private readonly ulong[] _signatures;
    private readonly ThreadRecords _records = new();
    private readonly ObjectRecords _objects;

    private ThreadSymmetry(CompiledProgram program, int[][] groups, string? note)
    {
        _groups = groups;
        Note = note;
        Groups = groups.Select(g => Describe(program, g)).ToArray();
        _order = new int[program.Threads.Count];
        _renamed = new int[program.Threads.Count];
        _signatures = new ulong[program.Threads.Count];
        _objects = new ObjectRecords(program);
    }

    public IReadOnlyList<InterchangeableThreads> Groups { get; }

    /// <summary>Why no thread is interchangeable, when none is; null otherwise.</summary>
    public string? Note { get; }

    /// <summary>After <see cref="Key"/>: the id each thread of that state has in the canonical order.</summary>
    public int[] Renamed => _renamed;

    /// <summary>
    /// No thread renamed: <see cref="Key"/> is then a plain hash of the state (equal states, equal
    /// keys), made as fast as the symmetric one, from the threads' records kept since the last key.
    /// </summary>
    public static ThreadSymmetry None(CompiledProgram program) => new(program, [], null);

    public static ThreadSymmetry Of(CompiledProgram program)
    {
        var swappable = Swappable(program);
        var blocks = program.Threads
            .GroupBy(t => (Code: CodeText(program, t), Process: swappable.Contains(t.Process) ? -1 : t.Process))
            .Where(g => g.Count() > 1)
            .ToArray();
        if (blocks.Length == 0)
        {
            return new ThreadSymmetry(program, [], "no block of threads written `thread NAME * N`, and no threads written alike in one process or in processes written alike");
        }

        if (program.Objects.FirstOrDefault(o => !IsRenamable(o)) is { } other)
        {
            return new ThreadSymmetry(program, [], $"{other.Name} is a {other.KindWord}{(other.Segment >= 0 ? " in shared memory" : "")}: only programs of mutexes, condition variables, semaphores, queues and shared variables are reduced");
        }

        var groups = blocks.Where(b => b.First().Code.All(IsRenamable)).Select(b => b.Select(t => t.Id).ToArray()).ToArray();
        var note = groups.Length == 0 ? $"{blocks[0].First().Template} names itself (self) or does what only its own identity explains" : null;
        return new ThreadSymmetry(program, groups, note);
    }

    /// <summary>The key of the kernel's present state: its hash with every group sorted by the threads' records.</summary>
    public ulong Key(Kernel kernel)
    {
        var data = kernel.StateArray;
        for (var t = 0; t < _order.Length; t++)
        {
            _order[t] = t;
            _renamed[t] = t;
            _signatures[t] = Signature(kernel, data, t);
        }

        foreach (var group in _groups)
        {
            // Insertion sort of the group's places by (record, id): groups are a handful of threads.
            for (var i = 1; i < group.Length; i++)
            {
                var thread = _order[group[i]];
                var j = i - 1;
                while (j >= 0 && Before(thread, _order[group[j]]))
                {
                    _order[group[j + 1]] = _order[group[j]];
                    j--;
                }

                _order[group[j + 1]] = thread;
            }

            foreach (var place in group)
            {
                _renamed[_order[place]] = place;
            }
        }

        // The state as if thread _order[i] were thread i: the objects with every thread they name
        // renamed, then the thread records in that order.
        var h = _objects.Hash(kernel, _renamed);
        foreach (var t in _order)
        {
            h = StateHasher.Mix(h, _signatures[t]);
        }

        return h;
    }

    /// <summary><see cref="StateHasher.ThreadSignature"/>, from the record's hash kept since an earlier key (<see cref="ThreadRecords"/>).</summary>
    private ulong Signature(Kernel kernel, long[] data, int t) => StateHasher.WithRank(_records.Record(kernel, data, t), kernel, data, t);

    /// <summary>
    /// The processes whose threads may trade places with those of another such process: nothing of
    /// a process tells it apart when it declares no object of its own, starts with the program (no
    /// spawn names it) and no thread of it spawns, exits or crashes (which would act on its sibling
    /// threads: renaming one of them and not the others would move it to another process). The
    /// descriptor tables and segments that belong to a process are ruled out with the kinds of
    /// object the reduction allows.
    /// </summary>
    private static HashSet<int> Swappable(CompiledProgram program) =>
    [
        .. program.Processes
            .Where(p => !p.StartsOnSpawn
                && !program.Objects.Any(o => o.Process == p.Id)
                && p.Threads.All(t => !program.Threads[t].Code.Any(i => i.Op is OpCode.Spawn or OpCode.Exit or OpCode.CrashProcess)))
            .Select(p => p.Id),
    ];

    /// <summary>
    /// The thread's code as the compiler made it, with the source line of every instruction: two
    /// threads with the same text behave alike (the same line compiles to the same instruction in
    /// the same scope, and a scope of their own is ruled out by <see cref="Swappable"/> or by being
    /// one process).
    /// </summary>
    private static string CodeText(CompiledProgram program, ThreadInfo thread)
    {
        var lines = program.SourceLines;
        var text = new System.Text.StringBuilder();
        foreach (var local in thread.Locals)
        {
            // A hidden slot's name holds the line it serves (`$i.end@7`): the slots are compared by their place.
            text.Append(local.IsHidden ? "$" : local.Name).Append(':').Append(local.Kind).Append('\n');
        }

        foreach (var i in thread.Code)
        {
            var line = i.Pos.Line >= 1 && i.Pos.Line <= lines.Count ? lines[i.Pos.Line - 1].Trim() : "";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i.Op} {i.A} {i.B} {i.C} {i.Next} {i.Jump} {i.E1 is null} {i.E2 is null} {i.Args.Count} {i.Text} | {line}\n");
        }

        return text.ToString();
    }

    /// <summary>"consumer * 2", or the threads by name when they come from blocks written alike.</summary>
    private static InterchangeableThreads Describe(CompiledProgram program, int[] group)
    {
        var threads = group.Select(t => program.Threads[t]).ToArray();
        return threads.All(t => t.Template == threads[0].Template && t.Process == threads[0].Process)
            ? new InterchangeableThreads(threads[0].Template, group.Length)
            : new InterchangeableThreads(threads[0].Template, group.Length) { Names = [.. threads.Select(t => t.Name)] };
    }

    private bool Before(int a, int b) => _signatures[a] < _signatures[b] || (_signatures[a] == _signatures[b] && a < b);

    private static bool IsRenamable(ObjectInfo o) =>
        o.Segment < 0 && o.Kind is ObjectKind.Mutex or ObjectKind.CondVar or ObjectKind.Semaphore or ObjectKind.BoundedQueue or ObjectKind.SharedVar;

    private static bool IsRenamable(Instr instr) =>
        RenamableOps.Contains(instr.Op) && Anonymous(instr.E1) && Anonymous(instr.E2) && instr.Args.All(Anonymous);

    /// <summary>True when the expression cannot tell which thread evaluates it.</summary>
    private static bool Anonymous(CExpr? expr) => expr switch
    {
        null or ConstExpr or LocalExpr => true,
        SelfExpr => false,
        _ when expr.ReadsObject >= 0 => true,
        _ => expr.Operands.Count > 0 && expr.Operands.All(Anonymous),
    };
}
