using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// A key keeps each thread's record hash from one key to the next and makes it again only when
/// the thread's cells changed: whatever order states are keyed in (a search jumps between them),
/// the key is the one a key that keeps nothing makes.
/// </summary>
public class ThreadSymmetryKeyTests
{
    [Fact]
    public void Key_StatesKeyedInAnyOrder_SameAsAFreshKeyOfEachState()
    {
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), KernelTestKit.Choices, (spec, moves) =>
        {
            var program = KernelTestKit.Compile(spec.ToScript());
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
        }).Check(KernelTestKit.Config(200));
    }

    private static long[] Snapshot(Kernel kernel)
    {
        var state = new long[kernel.StateSize];
        kernel.CopyStateTo(state);
        return state;
    }
}
