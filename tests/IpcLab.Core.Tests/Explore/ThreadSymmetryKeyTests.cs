using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// A key keeps the threads' record hashes and the objects' hashes of earlier keys and makes one
/// again only when its cells are new: whatever order states are keyed in (a search jumps between
/// them), the key is the one a key that keeps nothing makes.
/// </summary>
public class ThreadSymmetryKeyTests
{
    private static readonly Lazy<CompiledProgram[]> Lessons = new(() => [.. KernelTestKit.LessonFiles().Select(KernelTestKit.CompileLesson)]);

    [Fact]
    public void Key_StatesKeyedInAnyOrder_SameAsAFreshKeyOfEachState() =>
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), KernelTestKit.Choices, (spec, moves) => WalkAndKey(KernelTestKit.Compile(spec.ToScript()), moves))
            .Check(KernelTestKit.Config(200));

    [Fact]
    public void Key_LessonStatesKeyedInAnyOrder_SameAsAFreshKeyOfEachState() =>
        Prop.ForAll(Gen.Choose(0, Lessons.Value.Length - 1).ToArbitrary(), KernelTestKit.Choices, (lesson, moves) => WalkAndKey(Lessons.Value[lesson], moves))
            .Check(KernelTestKit.Config(300));

    /// <summary>
    /// The lessons, compiled once: every kind of object, the descriptor tables of the sockets,
    /// strings and clocks.
    /// </summary>
    internal static CompiledProgram[] LessonPrograms => Lessons.Value;

    /// <summary>
    /// Steps a kernel of <paramref name="program"/> as <paramref name="moves"/> say, now and then
    /// going back to a state seen before (as a search takes its next state to expand), and hands
    /// every state reached to <paramref name="look"/>.
    /// </summary>
    internal static void Walk(CompiledProgram program, int[] moves, Action<Kernel> look)
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

    private static void WalkAndKey(CompiledProgram program, int[] moves)
    {
        var symmetric = ThreadSymmetry.Of(program);
        var plain = ThreadSymmetry.None(program);
        Walk(program, moves, kernel =>
        {
            Assert.Equal(ThreadSymmetry.Of(program).Key(kernel), symmetric.Key(kernel));
            Assert.Equal(ThreadSymmetry.None(program).Key(kernel), plain.Key(kernel));
        });
    }

    private static long[] Snapshot(Kernel kernel)
    {
        var state = new long[kernel.StateSize];
        kernel.CopyStateTo(state);
        return state;
    }
}
