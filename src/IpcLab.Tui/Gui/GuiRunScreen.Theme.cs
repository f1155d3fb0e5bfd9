using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace IpcLab.Tui.Gui;

// The run screen's theme: the colour words of every line read in it, and the plain text's colours.
internal sealed partial class GuiRunScreen
{
    private ScreenTheme _theme;

    /// <summary>Called when the learner picks a theme in the View menu, to remember it; returns null, or why it could not.</summary>
    public Func<ScreenTheme, string?>? ThemeChosen { get; set; }

    public ScreenTheme Theme
    {
        get => _theme;
        set
        {
            _theme = value;
            _startSource.Theme = value;
            var normal = ScreenThemes.NormalOf(value);
            foreach (var view in WithSubViews(this))
            {
                if (view is MarkupLinesView lines)
                {
                    lines.Theme = value;
                }
                else if (view is ScrollingLinesView scrolling)
                {
                    scrolling.Theme = value;
                }
            }

            // The default keeps the toolkit's own schemes (menu, dialog); the others set every one.
            foreach (var view in new View[] { this, _dialog, _menu, _hintBar })
            {
                view.SetScheme(normal is { } n ? new Scheme(n) : null);
            }

            SetNeedsDraw();
        }
    }

    /// <summary>View menu: switches to the theme and remembers it.</summary>
    private void ChooseTheme(ScreenTheme theme)
    {
        Theme = theme;
        var problem = ThemeChosen?.Invoke(theme);
        _state.Status = problem ?? $"theme: {ScreenThemes.NameOf(theme)} (remembered for the next start; --theme changes it too)";
        Refresh();
    }

    private static IEnumerable<View> WithSubViews(View view) => view.SubViews.SelectMany(WithSubViews).Prepend(view);
}
