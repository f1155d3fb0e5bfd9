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
                kernel.Restore(stop);
                var (hash, dump, logical) = (kernel.StateHash(), StateDump.Of(kernel), KernelTestKit.LogicalState(kernel));
                foreach (var o in program.Objects)
                {
                    var start = kernel.Layout.ObjectBase(o.Id);
                    for (var cell = start; cell < start + kernel.CellCountOf(o.Id); cell++)
                    {
                        foreach (var delta in new long[] { 1, -1 })
                        {
                            var data = stop.Data.ToArray();
                            data[cell] += delta;
                            try
                            {
                                kernel.Restore(stop with { Data = data });
                            }
                            catch (KernelInvariantException)
                            {
                                continue; // not a state the kernel can be in
                            }

                            var where = $"{lesson} step {stop.Step}: {o.Name} cell {cell - start} {delta:+#;-#}";
                            Assert.True(hash != kernel.StateHash(), $"{where} leaves the hash as it was");
                            Assert.True(dump != StateDump.Of(kernel), $"{where} leaves the dump as it was");
                            Assert.True(logical != KernelTestKit.LogicalState(kernel), $"{where} leaves the logical state as it was");
                            checkedCells++;
                        }
                    }
                }
            }

        }

        Assert.True(checkedCells > 500, $"only {checkedCells} cell changes were checked");
    }
}
