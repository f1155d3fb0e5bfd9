namespace IpcLab.Core.Runtime;

/// <summary>One edge of the wait-for graph: a thread waits on an object, held by Holder (-1 if none).</summary>
public readonly record struct WaitEdge(int Thread, int Object, int Holder);
