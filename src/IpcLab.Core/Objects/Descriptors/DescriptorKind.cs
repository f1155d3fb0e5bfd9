namespace IpcLab.Core.Objects.Descriptors;

/// <summary>What a descriptor table entry refers to.</summary>
public enum DescriptorKind
{
    /// <summary>The entry is free; its number can be handed out again.</summary>
    Free,

    /// <summary>A listening stream socket: accept takes connections from it.</summary>
    Listener,

    /// <summary>One end of a stream connection: send and recv.</summary>
    Connection,

    /// <summary>The receiving end of a bound datagram socket: recv takes whole messages.</summary>
    DatagramReceiver,
}
