namespace IpcLab.Tui.Views;

/// <summary>
/// The key a click on the hint line presses: the line is "space step · b back · … · q quit", and
/// a click anywhere on a hint presses its key when that is one key ("space", "Enter", "Esc", or a
/// single character); hints for a range of keys ("1-9", "n/w/d", "↑↓") press nothing.
/// </summary>
public static class StatusHints
{
    public const string Separator = " · ";

    /// <summary>The key of the hint at <paramref name="column"/> of the plain hint line, or null.</summary>
    public static char? KeyAt(string hints, int column)
    {
        var start = 0;
        foreach (var hint in hints.Split(Separator))
        {
            var end = start + hint.Length;
            if (column >= start && column < end)
            {
                return KeyOf(hint);
            }

            start = end + Separator.Length;
        }

        return null;
    }

    /// <summary>The key of one hint ("b back": 'b'), or null for a range of keys.</summary>
    public static char? KeyOf(string hint) => KeyOfWord(hint.Split(' ', 2)[0]);

    private static char? KeyOfWord(string word) => word switch
    {
        "space" => ' ',
        "Enter" => '\r',
        "Esc" => '\x1b',
        _ when word.Length == 1 => word[0],
        _ => null,
    };
}
