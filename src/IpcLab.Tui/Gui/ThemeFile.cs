namespace IpcLab.Tui.Gui;

/// <summary>
/// Where the chosen theme is remembered: one word in <c>$XDG_CONFIG_HOME/ipclab/theme</c>, or
/// <c>~/.config/ipclab/theme</c> when XDG_CONFIG_HOME is not set. A file that cannot be read or
/// names no theme leaves the default theme, and says why.
/// </summary>
public sealed class ThemeFile(string path)
{
    public string Path { get; } = path;

    /// <summary>The file for this user, from the environment (<paramref name="variable"/> reads a variable: tests pass their own).</summary>
    public static ThemeFile ForUser(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        var config = variable("XDG_CONFIG_HOME") is { Length: > 0 } xdg && System.IO.Path.IsPathRooted(xdg)
            ? xdg
            : System.IO.Path.Combine(variable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return new ThemeFile(System.IO.Path.Combine(config, "ipclab", "theme"));
    }

    /// <summary>The remembered theme (the default when none is); <paramref name="problem"/> says why a file there was not used.</summary>
    public ScreenTheme Load(out string? problem)
    {
        problem = null;
        if (!File.Exists(Path))
        {
            return ScreenTheme.Default;
        }

        try
        {
            var text = File.ReadAllText(Path);
            if (ScreenThemes.Parse(text) is { } theme)
            {
                return theme;
            }

            problem = $"{Path} names no theme (\"{Shorten(text.Trim())}\"; expected {string.Join(", ", ScreenThemes.Names)}): the default theme is used";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{Path} cannot be read ({e.Message}): the default theme is used";
        }

        return ScreenTheme.Default;
    }

    /// <summary>Remembers the theme; returns null, or why it could not be written.</summary>
    public string? Save(ScreenTheme theme)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.WriteAllText(Path, ScreenThemes.NameOf(theme) + "\n");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the theme could not be remembered in {Path}: {e.Message}";
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
