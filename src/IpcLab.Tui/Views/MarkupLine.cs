using System.Text;

namespace IpcLab.Tui.Views;

/// <summary>
/// One line of markup built from styled pieces, never wider than its width: the piece that would
/// overflow is cut with "…" and later pieces are dropped. Data is escaped as it is added.
/// </summary>
internal sealed class MarkupLine
{
    private readonly StringBuilder _markup = new();
    private readonly int _width;
    private bool _cut;

    public MarkupLine(int width) => _width = Math.Max(0, width);

    /// <summary>Cells used so far.</summary>
    public int Used { get; private set; }

    public int Room => _width - Used;

    public MarkupLine Add(string text, string? style = null)
    {
        if (_cut || text.Length == 0)
        {
            return this;
        }

        var fitted = TextFit.Fit(text, Room);
        _cut = fitted.Length != text.Length || fitted.Length == 0;
        _markup.Append(TextFit.Styled(fitted, style));
        Used += TextFit.Width(fitted);
        return this;
    }

    /// <summary>Spaces up to column <paramref name="column"/> (nothing if already past it).</summary>
    public MarkupLine PadTo(int column)
    {
        var target = Math.Min(column, _width);
        if (!_cut && target > Used)
        {
            _markup.Append(' ', target - Used);
            Used = target;
        }

        return this;
    }

    public override string ToString() => _markup.ToString();
}
