using IpcLab.Core.Model;

namespace IpcLab.Core.Explore;

/// <summary>
/// The footprint of every instruction of every thread of a program (see <see cref="StepFootprint"/>),
/// worked out once from the code: the partial-order reduction looks one up per thread and state.
/// </summary>
internal sealed class StepFootprints
{
    /// <summary>Objects with an id this large or more do not fit the masks: their steps are global.</summary>
    public const int MaxObjects = 64;

    private readonly StepFootprint[][] _byThread;
    private readonly StepFootprint[][] _notEnding;

    public StepFootprints(CompiledProgram program)
    {
        var ending = HandOffsThatEnd(program);
        _byThread = program.Threads
            .Select(t => t.Code.Select(i => Of(program, ending, i, endsCount: true)).ToArray())
            .ToArray();
        _notEnding = program.Threads
            .Select(t => t.Code.Select(i => Of(program, [], i, endsCount: false)).ToArray())
            .ToArray();
    }

    /// <summary>The footprint of the step <paramref name="thread"/> takes at instruction <paramref name="pc"/>.</summary>
    public StepFootprint At(int thread, long pc) => _byThread[thread][pc];

    /// <summary>
    /// The footprint of that step leaving out that it may end a thread (its own, or one an unlock
    /// hands its last lock to): what it touches besides the end-of-thread hooks.
    /// </summary>
    public StepFootprint NotEnding(int thread, long pc) => _notEnding[thread][pc];

    private static StepFootprint Of(CompiledProgram program, HashSet<int> ending, Instr instr, bool endsCount)
    {
        // Ending the thread runs every module's end-of-thread hook, and may end its process.
        var mayEnd = endsCount && (instr.Next < 0 || (IsJumping(instr.Op) && instr.Jump < 0));
        ulong reads = 0;
        if (mayEnd || !ReadsOf(instr.E1, ref reads) || !ReadsOf(instr.E2, ref reads) || !instr.Args.All(a => ReadsOf(a, ref reads)))
        {
            return StepFootprint.Everything;
        }

        var own = new StepFootprint(0, reads, false);
        return instr.Op switch
        {
            OpCode.SetLocal or OpCode.Branch or OpCode.ForInit or OpCode.ForNext or OpCode.RepeatInit
                or OpCode.RepeatNext or OpCode.Print or OpCode.Assert or OpCode.Pass or OpCode.Handle => own,
            OpCode.Load => own.With(Touching(program, ending, instr.A, write: false)),
            OpCode.Store or OpCode.Lock or OpCode.Reacquire or OpCode.TryLock or OpCode.Unlock
                or OpCode.Signal or OpCode.Broadcast or OpCode.SemP or OpCode.SemV
                or OpCode.Put or OpCode.Take or OpCode.TryPut or OpCode.TryTake => own.With(Touching(program, ending, instr.A, write: true)),
            OpCode.CondWait => own.With(Touching(program, ending, instr.A, write: true)).With(Touching(program, ending, instr.B, write: true)),
            _ => StepFootprint.Everything,
        };
    }

    private static bool IsJumping(OpCode op) =>
        op is OpCode.Branch or OpCode.ForInit or OpCode.ForNext or OpCode.RepeatInit or OpCode.RepeatNext;

    /// <summary>
    /// The mutexes and semaphores some thread ends its code by acquiring: an unlock or a post that
    /// hands such an object over completes the waiter's last step, which ends the waiter (a global step).
    /// </summary>
    private static HashSet<int> HandOffsThatEnd(CompiledProgram program) =>
        program.Threads
            .SelectMany(t => t.Code)
            .Where(i => i.Op is OpCode.Lock or OpCode.Reacquire or OpCode.SemP && i.Next < 0)
            .Select(i => i.A)
            .ToHashSet();

    private static StepFootprint Touching(CompiledProgram program, HashSet<int> ending, int obj, bool write)
    {
        if (!IsSimple(program, obj) || ending.Contains(obj))
        {
            return StepFootprint.Everything;
        }

        var bit = 1UL << obj;
        return write ? new(bit, 0, false) : new(0, bit, false);
    }

    /// <summary>
    /// A mutex, condition variable, semaphore, bounded queue or shared variable outside shared
    /// memory: its steps touch its own cells and the wait fields of the threads queued on it, nothing else.
    /// </summary>
    internal static bool IsSimple(CompiledProgram program, int obj) =>
        obj >= 0 && obj < MaxObjects && obj < program.Objects.Count
        && program.Objects[obj] is { Segment: < 0 } o
        && o.Kind is ObjectKind.Mutex or ObjectKind.CondVar or ObjectKind.Semaphore or ObjectKind.BoundedQueue or ObjectKind.SharedVar;

    /// <summary>Adds the objects an expression reads to <paramref name="reads"/>; false when it reads something else (shared memory, a broker).</summary>
    private static bool ReadsOf(CExpr? expr, ref ulong reads)
    {
        if (expr is null or ConstExpr or LocalExpr or SelfExpr)
        {
            return true;
        }

        if (expr.ReadsObject >= 0)
        {
            if (expr.ReadsObject >= MaxObjects)
            {
                return false;
            }

            reads |= 1UL << expr.ReadsObject;
            return true;
        }

        if (expr.Operands.Count == 0)
        {
            return false;
        }

        foreach (var operand in expr.Operands)
        {
            if (!ReadsOf(operand, ref reads))
            {
                return false;
            }
        }

        return true;
    }
}
