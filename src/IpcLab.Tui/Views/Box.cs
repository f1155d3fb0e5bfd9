namespace IpcLab.Tui.Views;

/// <summary>What a panel around lines of markup takes, and its lines cut or scrolled to its height.</summary>
internal static class Box
{
    /// <summary>Columns a panel takes beyond its content: two borders and one space of padding each side.</summary>
    public const int Chrome = 4;

    /// <summary>
    /// The lines from <paramref name="skip"/> on (as far as the last line can still be shown), cut to
    /// <paramref name="height"/>; a first line says how many are above, a last line how many below.
    /// </summary>
    public static IReadOnlyList<string> Scrolled(List<string> lines, int skip, int height)
    {
        skip = Math.Clamp(skip, 0, Math.Max(0, lines.Count - height));
        if (skip == 0 || height <= 1)
        {
            return Clip(lines, height);
        }

        // The marker takes the first row, so it counts the line it covers as above too.
        var kept = lines.GetRange(skip, lines.Count - skip);
        kept[0] = TextFit.Styled($"… {skip + 1} lines above (wheel up)", Palette.Dim);
        return Clip(kept, height);
    }

    /// <summary>The lines, cut to <paramref name="height"/> with a last line saying how many were left out.</summary>
    public static IReadOnlyList<string> Clip(List<string> lines, int height)
    {
        if (lines.Count <= height)
        {
            return lines;
        }

        if (height <= 0)
        {
            return [];
        }

        var kept = lines.GetRange(0, height - 1);
        kept.Add(TextFit.Styled($"… {lines.Count - height + 1} more lines (make the window taller)", Palette.Dim));
        return kept;
    }
}
