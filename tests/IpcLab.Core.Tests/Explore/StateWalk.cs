using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// States reached the way a search reaches them, for the tests of what the explorer keeps from one
/// key to the next: a step now, a jump back to a state seen before then.
/// </summary>
internal static class StateWalk
{
    private static readonly Lazy<CompiledProgram[]> LessonPrograms = new(() => [.. KernelTestKit.LessonFiles().Select(KernelTestKit.CompileLesson)]);

    /// <summary>
    /// The lessons, compiled once: every kind of object, the descriptor tables of the sockets,
    /// strings and clocks.
    /// </summary>
    public static CompiledProgram[] Lessons => LessonPrograms.Value;

    /// <summary>
    /// Steps a kernel of <paramref name="program"/> as <paramref name="moves"/> say, now and then
    /// going back to a state seen before (as a search takes its next state to expand), and hands
    /// every state reached to <paramref name="look"/>.
    /// </summary>
    public static void Walk(CompiledProgram program, int[] moves, Action<Kernel> look)
    {
        var kernel = new Kernel(program, new KernelOptions { RecordEvents = false, CheckInvariants = false });
        var choices = new ChoicePath();
        var runnable = new int[program.Threads.Count];
        var seen = new List<long[]>();
        foreach (var move in moves)
        {
            var n = kernel.CollectRunnable(runnable);
            if (n == 0 || (move & 3) == 0)
            {
                kernel.LoadState(seen.Count == 0 ? Snapshot(kernel) : seen[(int)((uint)move % seen.Count)], 0);
            }
            else
            {
                choices.Begin();
                kernel.Step(runnable[(int)((uint)move % n)], choices);
            }

            seen.Add(Snapshot(kernel));
            look(kernel);
        }
    }

    private static long[] Snapshot(Kernel kernel)
    {
        var state = new long[kernel.StateSize];
        kernel.CopyStateTo(state);
        return state;
    }
}
