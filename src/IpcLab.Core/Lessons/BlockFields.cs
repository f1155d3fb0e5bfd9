using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// The <c>key: value</c> lines of a checkpoint or challenge block (or of the front matter), with
/// the position of each value. An indented line continues the value above it; <c>hint</c> may
/// repeat, other keys may not; a key the block does not know is an error at its position.
/// </summary>
internal sealed class BlockFields
{
    private readonly string _file;
    private readonly List<(string Key, string Value, SourcePos Pos)> _fields = [];

    private BlockFields(string file) => _file = file;

    /// <summary>Where the block starts (its fence), for errors about a missing field.</summary>
    public SourcePos Start { get; private init; }

    public string What { get; private init; } = "";

    /// <summary>Reads lines[0..] (the block's body, whose first line is line <paramref name="firstLine"/> of the file).</summary>
    public static BlockFields Read(string file, string what, SourcePos start, IReadOnlyList<string> lines, int firstLine, IReadOnlyCollection<string> keys)
    {
        var fields = new BlockFields(file) { Start = start, What = what };
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNo = firstLine + i;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                if (fields._fields.Count == 0)
                {
                    throw new LessonError(file, new SourcePos(lineNo, 1), $"an indented line continues a field, but no field comes before it in this {what}");
                }

                var last = fields._fields[^1];
                fields._fields[^1] = (last.Key, $"{last.Value} {line.Trim()}".Trim(), last.Pos);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? line.Trim() : line[..colon].Trim();
            if (colon < 0 || key.Length == 0 || key.Contains(' ', StringComparison.Ordinal))
            {
                throw new LessonError(file, new SourcePos(lineNo, 1), $"expected `key: value` in this {what} (keys: {string.Join(", ", keys)})");
            }

            if (!keys.Contains(key))
            {
                throw new LessonError(file, new SourcePos(lineNo, 1), $"unknown field '{key}' in a {what}; expected one of {string.Join(", ", keys)}");
            }

            if (key != "hint" && fields._fields.Any(f => f.Key == key))
            {
                throw new LessonError(file, new SourcePos(lineNo, 1), $"the field '{key}' is given twice in this {what}");
            }

            var rest = line[(colon + 1)..];
            var value = rest.Trim();
            var column = colon + 2 + (rest.Length - rest.TrimStart().Length);
            fields._fields.Add((key, value, new SourcePos(lineNo, column)));
        }

        return fields;
    }

    public bool Has(string key) => _fields.Any(f => f.Key == key);

    /// <summary>A field that must be there and not be empty.</summary>
    public (string Value, SourcePos Pos) Required(string key)
    {
        var found = _fields.FirstOrDefault(f => f.Key == key);
        if (found.Key is null)
        {
            throw new LessonError(_file, Start, $"this {What} has no '{key}:' field");
        }

        if (found.Value.Length == 0)
        {
            throw new LessonError(_file, found.Pos, $"the field '{key}' is empty");
        }

        return (found.Value, found.Pos);
    }

    public (string Value, SourcePos Pos)? Optional(string key)
    {
        var found = _fields.FirstOrDefault(f => f.Key == key);
        return found.Key is null ? null : (found.Value, found.Pos);
    }

    public IEnumerable<(string Value, SourcePos Pos)> All(string key) =>
        _fields.Where(f => f.Key == key).Select(f => (f.Value, f.Pos));

    /// <summary>A comma-separated list (brackets allowed: <c>[a, b]</c>), each item trimmed.</summary>
    public static IReadOnlyList<string> List(string value)
    {
        var v = value.Trim();
        if (v.StartsWith('[') && v.EndsWith(']'))
        {
            v = v[1..^1];
        }

        return v.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }

    /// <summary>A positive whole number, or an error at the value's position.</summary>
    public int Positive(string key, string value, SourcePos pos) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new LessonError(_file, pos, $"'{key}' must be a whole number above 0, not '{value}'");
}
