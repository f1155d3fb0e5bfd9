using IpcLab.Core.Model;

namespace IpcLab.Core.Explore;

/// <summary>
/// The steps no other thread can observe, for the merging reduction (see <see cref="MergingSearch"/>):
/// a step of thread t at instruction p is invisible when it never blocks, never wakes or moves
/// another thread, and every instruction of every other thread whose step does not commute with it
/// (<see cref="StepFootprint.CommutesWith"/>) is one that thread reaches only holding a mutex t
/// holds at p (<see cref="HeldMutexes"/>). Then from a state with t at p, no step that could tell
/// t's step apart happens before t moves on: t's own locals and loop counters, and a guarded
/// <c>while full(buffer)</c> or <c>put buffer</c> under the buffer's mutex, are invisible.
/// </summary>
internal sealed class InvisibleSteps
{
    /// <summary>The instructions a program may have for the reduction to apply: their ways on are their Next and Jump.</summary>
    private static readonly HashSet<OpCode> KnownOps =
    [
        OpCode.SetLocal, OpCode.Branch, OpCode.ForInit, OpCode.ForNext, OpCode.RepeatInit, OpCode.RepeatNext,
        OpCode.Print, OpCode.Assert, OpCode.Pass, OpCode.Handle, OpCode.Load, OpCode.Store,
        OpCode.Lock, OpCode.Reacquire, OpCode.TryLock, OpCode.Unlock, OpCode.CondWait, OpCode.Signal, OpCode.Broadcast,
        OpCode.SemP, OpCode.SemV, OpCode.Put, OpCode.Take, OpCode.TryPut, OpCode.TryTake,
    ];

    /// <summary>Steps that touch only their footprint and the thread's own locals and pc, and never block.</summary>
    private static readonly HashSet<OpCode> QuietOps =
    [
        OpCode.SetLocal, OpCode.Branch, OpCode.ForInit, OpCode.ForNext, OpCode.RepeatInit, OpCode.RepeatNext,
        OpCode.Print, OpCode.Assert, OpCode.Pass, OpCode.Handle, OpCode.Load, OpCode.Store,
        OpCode.Put, OpCode.Take, OpCode.TryPut, OpCode.TryTake,
    ];

    private readonly bool[][] _invisible;
    private readonly int[][] _writeOnly;

    private InvisibleSteps(bool[][] invisible, int[][] writeOnly)
    {
        _invisible = invisible;
        _writeOnly = writeOnly;
    }

    /// <summary>True when <paramref name="thread"/>'s step at instruction <paramref name="pc"/> is invisible.</summary>
    public bool At(int thread, int pc) => _invisible[thread][pc];

    /// <summary>How many instructions of all threads are invisible (what the reduction has to merge).</summary>
    public int Count => _invisible.Sum(code => code.Count(i => i));

    /// <summary>
    /// Sets to 0 the locals of <paramref name="thread"/> its code writes and never reads (<c>take
    /// buffer -> job</c> with no use of <c>job</c>): two states that differ only there have the same
    /// futures, so they are stored as one.
    /// </summary>
    public void ClearWriteOnly(long[] state, int localBase, int thread)
    {
        foreach (var slot in _writeOnly[thread])
        {
            state[localBase + slot] = 0;
        }
    }

    /// <summary>The table of a program, or why the reduction does not apply to it.</summary>
    public static (InvisibleSteps? Steps, string? WhyNot) Of(CompiledProgram program)
    {
        if (program.Threads.SelectMany(t => t.Code).FirstOrDefault(i => !KnownOps.Contains(i.Op)) is { } other)
        {
            return (null, $"line {other.Pos.Line} ({other.Op}) is beyond mutexes, condition variables, semaphores, queues and shared variables");
        }

        if (program.Objects.FirstOrDefault(o => !StepFootprints.IsSimple(program, o.Id)) is { } object_)
        {
            return (null, $"{object_.Name} is a {object_.KindWord}{(object_.Segment >= 0 ? " in shared memory" : "")}: only programs of mutexes, condition variables, semaphores, queues and shared variables are reduced");
        }

        var footprints = new StepFootprints(program);
        var held = program.Threads.Select(t => HeldMutexes.Of(program, t.Code)).ToArray();
        var invisible = program.Threads
            .Select(t => t.Code.Select((instr, pc) => QuietOps.Contains(instr.Op) && Unobserved(program, footprints, held, t.Id, pc)).ToArray())
            .ToArray();
        var writeOnly = program.Threads.Select(WriteOnlyLocals).ToArray();
        return (new InvisibleSteps(invisible, writeOnly), null);
    }

    /// <summary>
    /// The local slots no instruction reads: none in an expression, none the counter or bound of a
    /// loop. With the instructions of <see cref="KnownOps"/> only, those are every way a local is read.
    /// </summary>
    private static int[] WriteOnlyLocals(ThreadInfo thread)
    {
        var read = new HashSet<int>();
        foreach (var instr in thread.Code)
        {
            if (instr.Op is OpCode.ForInit or OpCode.ForNext or OpCode.RepeatInit or OpCode.RepeatNext)
            {
                read.Add(instr.B);
                read.Add(instr.C);
            }

            foreach (var expr in instr.Args.Append(instr.E1).Append(instr.E2))
            {
                AddLocalsRead(expr, read);
            }
        }

        return Enumerable.Range(0, thread.Locals.Count).Where(slot => !read.Contains(slot)).ToArray();
    }

    private static void AddLocalsRead(CExpr? expr, HashSet<int> read)
    {
        if (expr is LocalExpr local)
        {
            read.Add(local.Slot);
        }

        foreach (var operand in expr?.Operands ?? [])
        {
            AddLocalsRead(operand, read);
        }
    }

    private static bool Unobserved(CompiledProgram program, StepFootprints footprints, ulong[][] held, int thread, int pc)
    {
        // Ending its thread is invisible too: no step of another thread reads a thread's status
        // (a cycle of waits passes only through blocked threads), and a state where no thread can
        // run has no thread with an invisible step left to take.
        var step = footprints.NotEnding(thread, pc);
        if (step.Global)
        {
            return false;
        }

        foreach (var other in program.Threads)
        {
            if (other.Id == thread)
            {
                continue;
            }

            for (var q = 0; q < other.Code.Length; q++)
            {
                // Two threads never both hold one mutex: an instruction guarded by one that this
                // thread holds cannot be next for the other until this thread has moved on. The
                // other's step may end a thread: with objects of these kinds only, the end-of-thread
                // hooks touch none of them, and a step that is not ending reads no thread's status.
                if (!step.CommutesWith(footprints.NotEnding(other.Id, q)) && (held[thread][pc] & held[other.Id][q]) == 0)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
