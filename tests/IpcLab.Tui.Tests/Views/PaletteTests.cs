using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Views;

/// <summary>The colour of an event in the log comes from what its module says it means, so no kind of event is left uncoloured.</summary>
public sealed class PaletteTests
{
    [Fact]
    public void Of_EveryEventThatBlocksWakesDeliversDropsOrFaults_HasAColour()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            if (ObjectModules.ClassOf(kind) != EventClass.Other)
            {
                Assert.True(Palette.Of(kind) != "default", $"{kind} ({ObjectModules.ClassOf(kind)}) is drawn in the default colour");
            }
        }
    }

    [Theory]
    [InlineData(EventKind.SocketBlocked, Palette.Blocked)]
    [InlineData(EventKind.SendBlocked, Palette.Blocked)]
    [InlineData(EventKind.GroupReceiveBlocked, Palette.Blocked)]
    [InlineData(EventKind.BlockedOnMutex, Palette.Blocked)]
    [InlineData(EventKind.SocketWoken, "cyan")]
    [InlineData(EventKind.SemHandedOff, "cyan")]
    [InlineData(EventKind.DatagramReceived, "green")]
    [InlineData(EventKind.CopyDelivered, "green")]
    [InlineData(EventKind.CopyDropped, Palette.Waiting)]
    [InlineData(EventKind.Crashed, Palette.Faulted)]
    public void Of_SocketMessagingAndLockEvents_AreColouredByMeaning(EventKind kind, string colour) =>
        Assert.Equal(colour, Palette.Of(kind));
}
