namespace IpcLab.Core.Explore;

/// <summary>
/// Threads of one block (<c>thread producer * 3</c>) that the symmetry reduction treats as
/// interchangeable: states that differ only by which of them is which are explored once.
/// </summary>
public sealed record InterchangeableThreads(string Template, int Count)
{
    public override string ToString() => $"{Template} * {Count}";
}
