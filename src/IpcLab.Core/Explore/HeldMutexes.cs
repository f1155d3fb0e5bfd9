using IpcLab.Core.Model;

namespace IpcLab.Core.Explore;

/// <summary>
/// The mutexes a thread surely holds at each instruction of its code, worked out from the code
/// alone (a must-hold analysis over the jumps): a bit by object id for each instruction. A thread
/// whose next instruction is at <c>pc</c> holds every mutex of <c>At(pc)</c>, whatever the schedule
/// that led there. Only mutexes outside shared memory count: a robust mutex in a segment can be
/// taken over from a dead owner, so holding it proves nothing about who else runs.
/// </summary>
internal static class HeldMutexes
{
    /// <summary>
    /// For each instruction of <paramref name="code"/>, the mutexes held when it is next. An
    /// instruction no jump reaches holds "every mutex": no state has the thread there.
    /// </summary>
    public static ulong[] Of(CompiledProgram program, Instr[] code)
    {
        var held = new ulong[code.Length];
        if (code.Length == 0)
        {
            return held;
        }

        Array.Fill(held, ulong.MaxValue);
        var reached = new bool[code.Length];
        held[0] = 0;
        reached[0] = true;
        var work = new Stack<int>();
        work.Push(0);
        while (work.Count > 0)
        {
            var pc = work.Pop();
            var after = After(program, code[pc], held[pc]);
            foreach (var next in (ReadOnlySpan<int>)[code[pc].Next, code[pc].Jump])
            {
                if (next < 0)
                {
                    continue;
                }

                // Held at an instruction = held on every way in: the sets only shrink, so this ends.
                var meet = reached[next] ? held[next] & after : after;
                if (!reached[next] || meet != held[next])
                {
                    held[next] = meet;
                    reached[next] = true;
                    work.Push(next);
                }
            }
        }

        return held;
    }

    /// <summary>
    /// What is held once <paramref name="instr"/> has moved the thread on. A lock (or the re-acquire
    /// after a wait) moves the thread past it only with the mutex in hand, even when it blocked first
    /// (the unlocker hands it over); a trylock may fail, so it adds nothing.
    /// </summary>
    private static ulong After(CompiledProgram program, Instr instr, ulong held) => instr.Op switch
    {
        OpCode.Lock or OpCode.Reacquire => held | Bit(program, instr.A),
        OpCode.Unlock => held & ~Bit(program, instr.A),
        OpCode.CondWait => held & ~Bit(program, instr.B),
        _ => held,
    };

    private static ulong Bit(CompiledProgram program, int obj) =>
        StepFootprints.IsSimple(program, obj) && program.Objects[obj].Kind == ObjectKind.Mutex ? 1UL << obj : 0;
}
