using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// A key keeps the threads' record hashes and the objects' hashes of earlier keys and makes one
/// again only when its cells are new: whatever order states are keyed in (a search jumps between
/// them), the key is the one a key that keeps nothing makes.
/// </summary>
public class ThreadSymmetryKeyTests
{
    [Fact]
    public void Key_StatesKeyedInAnyOrder_SameAsAFreshKeyOfEachState() =>
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), KernelTestKit.Choices, (spec, moves) => WalkAndKey(KernelTestKit.Compile(spec.ToScript()), moves))
            .Check(KernelTestKit.Config(200));

    [Fact]
    public void Key_LessonStatesKeyedInAnyOrder_SameAsAFreshKeyOfEachState() =>
        Prop.ForAll(Gen.Choose(0, StateWalk.Lessons.Length - 1).ToArbitrary(), KernelTestKit.Choices, (lesson, moves) => WalkAndKey(StateWalk.Lessons[lesson], moves))
            .Check(KernelTestKit.Config(300));

    private static void WalkAndKey(CompiledProgram program, int[] moves)
    {
        var symmetric = ThreadSymmetry.Of(program);
        var plain = ThreadSymmetry.None(program);
        StateWalk.Walk(program, moves, kernel =>
        {
            Assert.Equal(ThreadSymmetry.Of(program).Key(kernel), symmetric.Key(kernel));
            Assert.Equal(ThreadSymmetry.None(program).Key(kernel), plain.Key(kernel));
        });
    }
}
