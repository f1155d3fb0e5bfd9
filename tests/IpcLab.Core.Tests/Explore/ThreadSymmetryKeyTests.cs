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

    // Every kind of object, the descriptor tables of the sockets, strings and clocks.
    [Fact]
    public void Key_LessonStatesKeyedInAnyOrder_SameAsAFreshKeyOfEachState() =>
        Prop.ForAll(Gen.Choose(0, Lessons.Value.Length - 1).ToArbitrary(), KernelTestKit.Choices, (lesson, moves) => WalkAndKey(Lessons.Value[lesson], moves))
            .Check(KernelTestKit.Config(300));

    private static void WalkAndKey(CompiledProgram program, int[] moves)
    {
        var kernel = new Kernel(program, new KernelOptions { RecordEvents = false, CheckInvariants = false });
        var symmetric = ThreadSymmetry.Of(program);
        var plain = ThreadSymmetry.None(program);
        var choices = new ChoicePath();
        var runnable = new int[program.Threads.Count];
        var seen = new List<long[]>();
        foreach (var move in moves)
        {
            var n = kernel.CollectRunnable(runnable);
            if (n == 0 || (move & 3) == 0)
            {
                // Back to a state seen before, as a search takes its next state to expand.
                kernel.LoadState(seen.Count == 0 ? Snapshot(kernel) : seen[(int)((uint)move % seen.Count)], 0);
            }
            else
            {
                choices.Begin();
                kernel.Step(runnable[(int)((uint)move % n)], choices);
            }

            seen.Add(Snapshot(kernel));
            Assert.Equal(ThreadSymmetry.Of(program).Key(kernel), symmetric.Key(kernel));
            Assert.Equal(ThreadSymmetry.None(program).Key(kernel), plain.Key(kernel));
        }
    }

    private static long[] Snapshot(Kernel kernel)
    {
        var state = new long[kernel.StateSize];
        kernel.CopyStateTo(state);
        return state;
    }
}
