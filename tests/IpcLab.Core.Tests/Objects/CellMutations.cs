using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Objects;

/// <summary>
/// Changes one cell of an object at a time in a stopped state, and checks that every change the
/// kernel's invariants accept (a state the kernel could be in) changes the hash, the exact dump
/// and the tests' logical state: the proof that WriteState leaves no cell out of any of them.
/// </summary>
internal static class CellMutations
{
    /// <summary>Tries every cell of <paramref name="objects"/> with every delta; returns how many changes were accepted and checked.</summary>
    public static int Check(Kernel kernel, KernelSnapshot stop, IEnumerable<ObjectInfo> objects, long[] deltas, string label)
    {
        kernel.Restore(stop);
        var (hash, dump, logical) = (kernel.StateHash(), StateDump.Of(kernel), KernelTestKit.LogicalState(kernel));
        var checkedChanges = 0;
        foreach (var o in objects)
        {
            var start = kernel.Layout.ObjectBase(o.Id);
            for (var cell = start; cell < start + kernel.CellCountOf(o.Id); cell++)
            {
                foreach (var delta in deltas)
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

                    var where = $"{label} step {stop.Step}: {o.Name} cell {cell - start} {delta:+#;-#}\n{dump}";
                    Assert.True(hash != kernel.StateHash(), $"{where} leaves the hash as it was");
                    Assert.True(dump != StateDump.Of(kernel), $"{where} leaves the dump as it was");
                    Assert.True(logical != KernelTestKit.LogicalState(kernel), $"{where} leaves the logical state as it was");
                    checkedChanges++;
                }
            }
        }

        return checkedChanges;
    }
}
