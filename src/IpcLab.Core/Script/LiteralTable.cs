namespace IpcLab.Core.Script;

/// <summary>The string literals of a program; literal 0 is always "" (the value of an unset string).</summary>
internal sealed class LiteralTable
{
    private readonly List<string> _items = [""];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal) { [""] = 0 };

    public IReadOnlyList<string> Items => _items;

    public int Intern(string s)
    {
        if (!_ids.TryGetValue(s, out var id))
        {
            id = _items.Count;
            _items.Add(s);
            _ids.Add(s, id);
        }

        return id;
    }
}
