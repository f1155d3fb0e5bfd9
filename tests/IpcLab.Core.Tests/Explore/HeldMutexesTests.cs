using IpcLab.Core.Explore;
using IpcLab.Core.Model;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

public class HeldMutexesTests
{
    [Fact]
    public void Of_LockedRegionsAndWaits_HeldOnlyBetweenLockAndUnlockOrWait()
    {
        var program = KernelTestKit.Compile("mutex m\ncond c\n\nthread t:\n    lock m\n    wait c, m\n    y = 1\n    unlock m\n    y = 2\n");
        var code = program.Threads[0].Code;

        var held = HeldMutexes.Of(program, code);

        var m = 1UL << program.Objects.Single(o => o.Kind == ObjectKind.Mutex).Id;
        var byOp = code.Select((instr, pc) => $"{instr.Op}:{(held[pc] & m) != 0}");
        Assert.Equal(["Lock:False", "CondWait:True", "Reacquire:False", "SetLocal:True", "Unlock:True", "SetLocal:False"], byOp);
    }
}
