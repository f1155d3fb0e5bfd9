using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Objects;

/// <summary>
/// One spelling of an object's state feeds the hash, the dump and the tests' logical state, so no
/// part of an object can be left out of one of them: whatever single cell of an object changes
/// (and the kernel's invariants still hold, so the change is a state the kernel could be in), all
/// three change.
/// </summary>
public sealed class WriteStateTests
{
    [Fact]
    public void WriteState_AnyCellOfAnyObjectChanged_ChangesHashDumpAndLogicalState()
    {
        var checkedCells = 0;
        foreach (var lesson in KernelTestKit.LessonFiles())
        {
            var program = KernelTestKit.CompileLesson(lesson);
            var kernel = KernelTestKit.NewKernel(program, KernelTestKit.Options with { MaxSteps = 400 });
            var stops = new List<KernelSnapshot> { kernel.Snapshot() };
            KernelTestKit.Drive(kernel, new RandomScheduler(7), k =>
            {
                if (k.StepCount % 3 == 0)
                {
                    stops.Add(k.Snapshot());
                }
            });

            // Latest first: restoring a snapshot cuts the history after it.
            foreach (var stop in Enumerable.Reverse(stops))
            {
                checkedCells += CellMutations.Check(kernel, stop, program.Objects, [1, -1], lesson);
            }
        }

        Assert.True(checkedCells > 500, $"only {checkedCells} cell changes were checked");
    }
}
