using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Objects;

/// <summary>
/// The invariants run after every step for every object, so a module's invariant message is
/// formatted only when the invariant fails: an invariant that holds evaluates none of its
/// message's parts, and one that fails says exactly what is wrong.
/// </summary>
public sealed class InvariantMessageTests
{
    [Fact]
    public void Require_Holds_EvaluatesNoPartOfTheMessage()
    {
        var evaluated = 0;
        int Part() => ++evaluated;

        ObjectModule.Require(true, $"semaphore s has count {Part()} and {Part()} waiters");

        Assert.Equal(0, evaluated);
    }

    [Fact]
    public void Require_Fails_ThrowsTheFormattedMessage()
    {
        var evaluated = 0;
        int Part() => ++evaluated;

        var e = Assert.Throws<KernelInvariantException>(() => ObjectModule.Require(false, $"semaphore s has count {Part()} and {Part()} waiters"));

        Assert.Equal("kernel invariant violated: semaphore s has count 1 and 2 waiters", e.Message);
    }

    [Fact]
    public void Restore_SemaphoreCountBelowZero_FailsTheSemaphoresInvariantByName()
    {
        var kernel = KernelTestKit.NewKernel("semaphore s = 1\nthread t:\n    P s\n");
        var snapshot = kernel.Snapshot();
        var data = snapshot.Data.ToArray();
        data[kernel.Layout.ObjectBase(KernelTestKit.ObjectId(kernel, "s"))] = -1;

        var e = Assert.Throws<KernelInvariantException>(() => kernel.Restore(snapshot with { Data = data }));

        Assert.Equal("kernel invariant violated: semaphore s has count -1", e.Message);
    }
}
