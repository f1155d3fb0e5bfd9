namespace IpcLab.Core.Explore;

/// <summary>
/// Threads of one block (<c>thread producer * 3</c>) that the symmetry reduction treats as
/// interchangeable: states that differ only by which of them is which are explored once.
/// </summary>
public sealed record InterchangeableThreads(string Template, int Count)
{
    /// <summary>The threads by name when they come from several blocks (written alike, or in processes written alike); null for one block.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    public override string ToString() => Names is null ? $"{Template} * {Count}" : string.Join(" and ", Names);

    public bool Equals(InterchangeableThreads? other) =>
        other is not null && Template == other.Template && Count == other.Count && (Names ?? []).SequenceEqual(other.Names ?? []);

    public override int GetHashCode() => HashCode.Combine(Template, Count);
}
