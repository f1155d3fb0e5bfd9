using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

/// <summary>
/// A socket's cells and the descriptor tables are spelled once (their modules' WriteState) for
/// both the hash and the dump: so no cell can be left out of either. Every cell that the kernel
/// invariants do not pin down must show.
/// </summary>
public sealed class SocketStateProperties
{
    private static readonly CompiledProgram[] Programs = SocketSentenceSnapshotTests.ScenarioNames()
        .Select(name => KernelTestKit.Compile(SocketSentenceSnapshotTests.ScenarioText(name), name))
        .ToArray();

    [Fact]
    public void StateHashAndDump_OneSocketCellChangedKeepingTheInvariants_BothChange()
    {
        var kept = 0;
        var setup = (from program in Gen.Choose(0, Programs.Length - 1)
                     from seed in Gen.Choose(0, int.MaxValue)
                     from steps in Gen.Choose(0, 80)
                     from cell in Gen.Choose(0, int.MaxValue)
                     from change in Gen.Choose(0, 6)
                     from any in Gen.Choose(-3, 200)
                     select (program, seed, steps, cell, change, any)).ToArbitrary();
        Prop.ForAll(setup, s =>
        {
            var kernel = KernelTestKit.NewKernel(Programs[s.program]);
            RunSteps(kernel, new RandomScheduler((ulong)s.seed), s.steps);
            // Half the time a cell that holds something (a byte, a message, a counter, a descriptor):
            // most of the others are free slots, which the invariants pin to 0.
            var before = kernel.Snapshot();
            var cells = SocketCells(kernel);
            var held = cells.Where(i => before.Data[i] != 0).ToArray();
            var from = s.cell % 2 == 0 && held.Length > 0 ? held : cells;
            var at = from[s.cell / 2 % from.Length];
            var old = before.Data[at];
            var value = s.change switch
            {
                0 => old + 1,
                1 => old - 1,
                2 => old + 2,
                3 => 0,
                4 => 1,
                5 => (s.any & int.MaxValue) % kernel.Strings.Count,
                _ => s.any,
            };
            if (value == old)
            {
                return;
            }

            var hash = kernel.StateHash();
            var dump = StateDump.Of(kernel);
            var changed = (long[])before.Data.Clone();
            changed[at] = value;
            try
            {
                kernel.Restore(before with { Data = changed });
            }
            catch (KernelInvariantException)
            {
                return; // a state the kernel can never be in: the property is about the others
            }

            kept++;
            Assert.True(hash != kernel.StateHash(), $"cell {at}: {old} -> {value} leaves the hash as it was\n{dump}");
            Assert.True(dump != StateDump.Of(kernel), $"cell {at}: {old} -> {value} leaves the dump as it was\n{dump}");
        }).Check(KernelTestKit.Config(600));

        Assert.True(kept >= 50, $"only {kept} changed states kept the invariants: the property says little");
    }

    /// <summary>The cells of every socket object, then of every descriptor table.</summary>
    private static int[] SocketCells(Kernel kernel)
    {
        var cells = new List<int>();
        foreach (var o in kernel.Program.Objects.Where(o => o.Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket))
        {
            var start = kernel.Layout.ObjectBase(o.Id);
            cells.AddRange(Enumerable.Range(start, kernel.CellCountOf(o.Id)));
        }

        var layout = kernel.Layout;
        cells.AddRange(Enumerable.Range(layout.DescriptorBase, kernel.Program.Processes.Count * layout.DescriptorTableSize));
        return cells.ToArray();
    }

    private static void RunSteps(Kernel kernel, IScheduler scheduler, int steps)
    {
        var runnable = new int[kernel.Layout.ThreadCount];
        for (var i = 0; i < steps; i++)
        {
            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                return;
            }

            kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
        }
    }
}
