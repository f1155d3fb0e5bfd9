using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Exchange;

/// <summary>
/// One binding from an exchange to a queue: a routing key (a pattern for a topic exchange, unused
/// by a fanout), or for a headers exchange the arguments "k=v,k=v" and how many must match.
/// Declared on the queue (<c>bqueue errors bind logs key "*.error"</c>) and gathered into the
/// exchange's routing table when the program is compiled.
/// </summary>
/// <param name="Exchange">The exchange's name as written.</param>
/// <param name="Queue">The bound queue (an object id).</param>
/// <param name="Key">The binding key, or the header arguments of a headers binding.</param>
public sealed record Binding(string Exchange, int Queue, string Key, HeadersMatch Match, SourcePos Pos)
{
    /// <summary>The key's words, split once for topic matching.</summary>
    public string[] Words { get; } = Key.Split('.');

    /// <summary>The header arguments as pairs, parsed once.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Arguments { get; } = HeaderText.Parse(Key);
}
