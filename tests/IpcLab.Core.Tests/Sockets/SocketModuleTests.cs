using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Tests.Sockets;

/// <summary>The socket modules own their operations and events once each, with words, a class and a JSON name.</summary>
public sealed class SocketModuleTests
{
    private static readonly OpCode[] Operations =
        [OpCode.Listen, OpCode.Connect, OpCode.Accept, OpCode.Send, OpCode.Recv, OpCode.Shutdown, OpCode.Close, OpCode.Select, OpCode.Bind, OpCode.SendTo];

    private static readonly EventKind[] Events =
    [
        EventKind.SocketListened, EventKind.SocketConnected, EventKind.SocketAccepted, EventKind.SocketSent,
        EventKind.SocketReceived, EventKind.SocketEndOfFile, EventKind.SocketBlocked, EventKind.SocketWoken,
        EventKind.SocketShutdown, EventKind.SocketClosed, EventKind.Selected, EventKind.SocketBound,
        EventKind.DatagramSent, EventKind.DatagramReceived,
    ];

    [Fact]
    public void Modules_EverySocketOperation_HasExactlyOneOwnerAndItsWords()
    {
        foreach (var op in Operations)
        {
            var spec = Assert.Single(ObjectModules.All.SelectMany(m => m.Operations), o => o.Op == op);
            Assert.NotEmpty(spec.Words);
            Assert.NotNull(ObjectModules.OwnerOf(op));
        }
    }

    [Fact]
    public void Modules_EverySocketEvent_HasExactlyOneOwnerAndAName()
    {
        foreach (var kind in Events)
        {
            Assert.Single(ObjectModules.All.SelectMany(m => m.Events), e => e.Kind == kind);
            Assert.False(string.IsNullOrEmpty(ObjectModules.NameOf(kind)), $"{kind} has no JSON name");
        }

        Assert.Equal(EventClass.Block, ObjectModules.ClassOf(EventKind.SocketBlocked));
        Assert.Equal(EventClass.Wake, ObjectModules.ClassOf(EventKind.SocketWoken));
    }

    [Theory]
    [InlineData(ObjectKind.StreamSocket, "socket", "stream socket")]
    [InlineData(ObjectKind.DatagramSocket, "dgram", "datagram socket")]
    public void Modules_SocketKind_HasItsModuleAndWords(ObjectKind kind, string declaration, string word)
    {
        var module = ObjectModules.Of(kind);
        Assert.NotNull(module);
        Assert.Equal(declaration, module.DeclarationWord);
        Assert.Equal(word, module.KindWord);
    }
}
