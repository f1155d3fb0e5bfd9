using System.Collections;
using System.Collections.Specialized;
using IpcLab.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The rows of the start page (headings, lessons, programs) for the <see cref="ListView"/> that
/// shows them: each row is a markup line of <see cref="LessonPathView"/>, drawn in its styles, with
/// the entry it stands for (-1 for a heading). It computes nothing; the screen hands it the rows.
/// </summary>
internal sealed class StartListSource : IListDataSource
{
    private IReadOnlyList<(string Line, int Entry)> _rows = [];

    public event NotifyCollectionChangedEventHandler? CollectionChanged;

    /// <summary>The theme the styles' colour words are read in.</summary>
    public ScreenTheme Theme { get; set; }

    public int Count => _rows.Count;

    public int MaxItemLength => _rows.Count == 0 ? 0 : _rows.Max(r => TextFit.Width(MarkupRuns.Plain(r.Line)));

    public bool SuspendCollectionChangedEvent { get; set; }

    /// <summary>The row that shows this entry of the state's lessons and programs, or -1.</summary>
    public int RowOf(int entry) => Enumerable.Range(0, _rows.Count).FirstOrDefault(r => _rows[r].Entry == entry, -1);

    /// <summary>The entry a row stands for, or -1 (a heading, or past the end).</summary>
    public int EntryAt(int row) => row >= 0 && row < _rows.Count ? _rows[row].Entry : -1;

    /// <summary>New rows; true when their number changed (the list then sizes its content again).</summary>
    public bool Show(IReadOnlyList<(string Line, int Entry)> rows)
    {
        var resized = rows.Count != _rows.Count;
        _rows = rows;
        if (resized && !SuspendCollectionChangedEvent)
        {
            CollectionChanged?.Invoke(this, new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
        }

        return resized;
    }

    public void Render(ListView listView, bool selected, int item, int col, int row, int width, int viewportX = 0)
    {
        var normal = listView.GetAttributeForRole(VisualRole.Normal);
        listView.Move(col, row);
        var used = 0;
        foreach (var run in MarkupRuns.Parse(_rows[item].Line))
        {
            listView.SetAttribute(GuiStyles.Of(run.Style, normal, Theme));
            listView.AddStr(run.Text);
            used += TextFit.Width(run.Text);
        }

        listView.SetAttribute(normal);
        listView.AddStr(new string(' ', Math.Max(0, width - used)));
    }

    // Nothing on the start page is marked: Enter or a click opens one entry.
    public bool IsMarked(int item) => false;

    public void SetMark(int item, bool value)
    {
    }

    public IList ToList() => _rows.Select(r => MarkupRuns.Plain(r.Line)).ToList();

    public void Dispose()
    {
    }
}
