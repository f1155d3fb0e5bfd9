namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>One end of a connection.</summary>
/// <param name="Process">The process holding its descriptor, or -1 (closed, or a server end still in the backlog).</param>
/// <param name="Fd">That descriptor's number, or -1.</param>
/// <param name="Open">False once closed.</param>
/// <param name="WriteShut">True once its writing side is shut down or closed (the other end will read end-of-file).</param>
public sealed record EndInfo(int Process, int Fd, bool Open, bool WriteShut);
