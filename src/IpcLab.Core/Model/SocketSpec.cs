namespace IpcLab.Core.Model;

/// <summary>What a socket declaration says beyond its name.</summary>
/// <param name="Path">The path that names it ("/tmp/echo").</param>
/// <param name="Backlog">Stream: how many connections may wait to be accepted; 0 for a datagram socket.</param>
/// <param name="Buffer">Stream: bytes each direction of a connection can hold; datagram: messages the queue can hold.</param>
/// <param name="Connections">Stream: connections that can be open at once (pending or accepted); 0 for a datagram socket.</param>
public sealed record SocketSpec(string Path, int Backlog, int Buffer, int Connections);
