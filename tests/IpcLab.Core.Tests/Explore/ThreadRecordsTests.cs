using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// A thread's record kept by its cells is the record hashed anew, whatever states came before:
/// with one or two places a thread, every other record of the thread lands where the one looked
/// for is kept, so a comparison that missed a cell would answer with another record's hash.
/// </summary>
public class ThreadRecordsTests
{
    [Fact]
    public void Record_LessonStatesWithFewPlaces_SameAsTheRecordHashedAnew() =>
        Prop.ForAll(Gen.Choose(0, StateWalk.Lessons.Length - 1).ToArbitrary(), Gen.Choose(0, 1).ToArbitrary(), KernelTestKit.Choices,
            (lesson, placeBits, moves) => WalkAndRecord(StateWalk.Lessons[lesson], placeBits, moves))
            .Check(KernelTestKit.Config(300));

    [Fact]
    public void Record_GeneratedProgramStatesWithFewPlaces_SameAsTheRecordHashedAnew() =>
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), Gen.Choose(0, 1).ToArbitrary(), KernelTestKit.Choices,
            (spec, placeBits, moves) => WalkAndRecord(KernelTestKit.Compile(spec.ToScript()), placeBits, moves))
            .Check(KernelTestKit.Config(200));

    private static void WalkAndRecord(CompiledProgram program, int placeBits, int[] moves)
    {
        var records = new ThreadRecords(placeBits);
        StateWalk.Walk(program, moves, kernel =>
        {
            for (var t = 0; t < program.Threads.Count; t++)
            {
                Assert.Equal(StateHasher.ThreadRecord(kernel, kernel.StateArray, t), records.Record(kernel, kernel.StateArray, t));
            }
        });
    }
}
