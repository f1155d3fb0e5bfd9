using System.Runtime.CompilerServices;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.KernelTests;

public class KernelEventTests
{
    [Fact]
    public void SizeOf_KernelEvent_IsFortyEightBytes()
    {
        // A run records about one event a step, so every byte of the record is written once a step:
        // it holds nothing it can derive (the source position comes from the thread and pc).
        Assert.Equal(48, Unsafe.SizeOf<KernelEvent>());
    }

    [Fact]
    public void PosIn_ThreadEvent_IsThePositionOfItsInstruction()
    {
        var program = Compiler.CompileText("x.ipl", "shared x = 0\nthread t:\n    x = 1\n    x = 2\n");
        var kernel = new Core.Runtime.Kernel(program);
        IpcLab.Core.Scheduling.Runner.Run(kernel, new IpcLab.Core.Scheduling.RoundRobinScheduler());

        var second = kernel.Events.First(e => e.Thread == 0 && e.Pc == 1);

        Assert.Equal(4, second.PosIn(program).Line);
        Assert.Equal(default, new KernelEvent(1, EventKind.Finished, -1, -1, -1, -1, 0).PosIn(program));
    }
}
