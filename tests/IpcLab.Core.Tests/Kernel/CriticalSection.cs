namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// One critical section of a generated thread: <c>lock m{Mutex}</c>, <c>inside = inside + 1</c>,
/// <c>assert inside == 1</c>, the extra statements, <c>inside = inside - 1</c>, <c>unlock m{Mutex}</c>.
/// Each mutex guards its own variables (<c>inside{k}</c>, <c>total{k}</c>).
/// </summary>
public sealed record CriticalSection(int Mutex, IReadOnlyList<CriticalStatement> Extras)
{
    public override string ToString() => $"m{Mutex}[{string.Join(",", Extras)}]";
}
