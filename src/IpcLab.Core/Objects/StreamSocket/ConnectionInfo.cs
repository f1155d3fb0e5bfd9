namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>A stream connection as the views and tests see it.</summary>
/// <param name="Slot">The connection slot within its socket.</param>
/// <param name="Order">Its place in the backlog order while pending (1 = connected first), else 0.</param>
/// <param name="Client">The client end (side 0): who holds it and whether it can still write.</param>
/// <param name="Server">The server end (side 1).</param>
/// <param name="ToServer">The bytes the client has sent and the server has not read yet, oldest first.</param>
/// <param name="ToClient">The bytes the server has sent and the client has not read yet.</param>
public sealed record ConnectionInfo(int Slot, ConnState State, long Order, EndInfo Client, EndInfo Server, string ToServer, string ToClient);
