using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Tests.KernelTests;
using IpcLab.Core.Tests.Objects;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.Messaging;

/// <summary>
/// A message queue's and a group's state is spelled once (WriteState) for the hash and the dump,
/// and the tests' logical state reads the same cells through the kernel's queries: no cell of
/// either can be left out of any of them.
/// </summary>
public sealed class MessagingCellProperties
{
    private static readonly string Folder = Path.Combine(KernelTestKit.RepoRoot, "tests", "IpcLab.Core.Tests", "Messaging", "Sentences");

    /// <summary>
    /// A run of a messaging lesson or scenario under generated choices and crashes, stopped at a
    /// generated step; then each cell of each message queue and group is changed by one, by minus
    /// one and by a generated amount. A change the kernel's invariants reject is not a state the
    /// kernel can be in; every other one must change the hash, the dump and the logical state.
    /// </summary>
    [Fact]
    public void WriteState_AnySingleCellOfAMessageQueueOrGroupChanged_ChangesHashDumpAndLogicalState()
    {
        var changed = 0;
        var scenarios = KernelTestKit.LessonFiles().Select(KernelTestKit.CompileLesson)
            .Where(p => p.Objects.Any(o => o.Kind is ObjectKind.MessageQueue or ObjectKind.Group))
            .Concat(Directory.GetFiles(Folder, "*.ipl").Order(StringComparer.Ordinal).Select(f => KernelTestKit.Compile(File.ReadAllText(f), Path.GetFileName(f))));
        foreach (var program in scenarios)
        {
            var objects = program.Objects.Where(o => o.Kind is ObjectKind.MessageQueue or ObjectKind.Group).ToArray();
            Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, ArbMap.Default.ArbFor<int>(), (threads, injections, stopAndAmount) =>
            {
                // The low byte picks the step to stop at, the rest the third amount to add.
                var (at, amount) = (stopAndAmount & 0xff, stopAndAmount >> 8);
                var run = KernelTestKit.NewKernel(program, KernelTestKit.Options with { MaxSteps = 300 });
                KernelTestKit.DriveWithInjections(run, new ChoiceScheduler(threads, []), injections);
                var kernel = KernelTestKit.NewKernel(program);
                Runner.Replay(kernel, run.Schedule.ToArray(), at % (run.Schedule.Count + 1));
                var stop = kernel.Snapshot();
                changed += CellMutations.Check(kernel, stop, objects, [1, -1, amount == 0 ? 2 : amount], program.File);
            }).Check(KernelTestKit.Config(25));
        }

        Assert.True(changed > 2000, $"only {changed} cell changes were checked");
    }
}
