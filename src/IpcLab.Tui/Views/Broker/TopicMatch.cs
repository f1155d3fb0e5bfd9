namespace IpcLab.Tui.Views.Broker;

/// <summary>Whether a topic pattern matched a key, and the pattern's words with what each took (the last one, on a mismatch, where it broke).</summary>
internal sealed record TopicMatch(bool Matches, IReadOnlyList<TopicWord> Words)
{
    /// <summary>"kern=kern #=disk.full": each pattern word, = and the key words it took; ≠ where it broke, "(nothing)" for an empty take.</summary>
    public override string ToString() => string.Join(" ", Words.Select(w => w.ToString()));
}
