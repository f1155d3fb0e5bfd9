namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// One pattern word and the key words it took (none for a `#` that took nothing); not Ok where the
/// match broke: then Taken is the key word it could not take (none past the key's end), or, with an
/// empty Pattern, the key words left over once the pattern was used up.
/// </summary>
internal sealed record TopicWord(string Pattern, IReadOnlyList<string> Taken, bool Ok)
{
    public override string ToString()
    {
        var taken = Taken.Count == 0 ? "" : string.Join('.', Taken) is { Length: > 0 } words ? words : "\"\"";
        return Ok ? $"{Pattern}={(Taken.Count == 0 ? "∅" : taken)}"
            : Pattern.Length == 0 ? $"+{taken} left" : $"{Pattern}≠{(Taken.Count == 0 ? "end" : taken)}";
    }
}
