namespace IpcLab.Core.Runtime;

/// <summary>
/// Raised inside a step when the running thread misuses something (divides by zero, takes from an
/// empty queue). The kernel turns it into a fault of that thread and an event; it never escapes a step.
/// </summary>
public sealed class ThreadFaultException(string message) : Exception(message);
