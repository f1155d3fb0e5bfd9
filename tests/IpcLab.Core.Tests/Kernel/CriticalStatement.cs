namespace IpcLab.Core.Tests.KernelTests;

/// <summary>A statement a generated thread runs inside its critical section, besides entering and leaving.</summary>
public enum CriticalStatement
{
    /// <summary><c>total = total + 1</c>: a guarded read-modify-write (two steps).</summary>
    Count,

    /// <summary><c>seen = inside</c>: read the shared variable into a local.</summary>
    Read,

    /// <summary><c>print "..."</c>.</summary>
    Print,

    /// <summary><c>pass</c>.</summary>
    Pass,

    /// <summary>A second <c>assert inside == 1</c>.</summary>
    Assert,
}
