using IpcLab.Core.Runtime;
using IpcLab.Tui.App;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>A challenge's verdict names the injection a run made as what it is.</summary>
public sealed class InjectionWordsTests
{
    [Fact]
    public void Of_LostAck_IsALostAcknowledgementNotACrash()
    {
        Assert.Equal("a lost acknowledgement (lost-ack)", InjectionWords.Of(ScheduleEntryKind.LostAck));
    }

    [Fact]
    public void Of_EveryInjectedKind_HasItsOwnWords()
    {
        var injected = Enum.GetValues<ScheduleEntryKind>().Where(k => k != ScheduleEntryKind.Run).ToArray();

        Assert.Equal(injected.Length, injected.Select(InjectionWords.Of).Distinct().Count());
        Assert.DoesNotContain("a step", injected.Select(InjectionWords.Of));
    }
}
