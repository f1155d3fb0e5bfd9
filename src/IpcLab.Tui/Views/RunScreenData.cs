using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Views;

/// <summary>
/// Everything the run screen shows, as view data (lines of markup, each fitted to its panel) and
/// the panels' sizes, computed from the session and the UI state alone: the Terminal.Gui window
/// only displays it, and view tests check it without a terminal.
/// </summary>
public sealed record RunScreenData(
    string Header,
    int ThreadsWidth,
    IReadOnlyList<string> Threads,
    int ObjectsHeight,
    IReadOnlyList<string> Objects,
    int FindingsHeight,
    IReadOnlyList<string>? Findings,
    int EventsHeight,
    IReadOnlyList<string> Events,
    string Status,
    string Keys)
{
    private const int EventsMinHeight = 5;

    /// <summary>The run screen at <paramref name="width"/> x <paramref name="height"/> (at least the minimum size).</summary>
    public static RunScreenData Build(TuiState state, Session session, int width, int height)
    {
        var kernel = session.Kernel;
        var changes = new StepChanges(kernel) { ChosenMessage = state.ChosenMessage };
        var bodyHeight = height - 3;
        var threadsWidth = ThreadColumns.PanelWidth(state, session, width, bodyHeight - 2);
        var inner = width - threadsWidth - Box.Chrome;

        // The right column is shared top-down: objects first (they are the state), then the
        // findings (up to half the height), then the events get the rest, never fewer than three lines.
        var objects = ObjectsView.Lines(kernel, changes, inner);
        var findings = kernel.Findings.Count == 0 ? null : FindingsView.Lines(kernel, inner);
        var findingsHeight = findings is null ? 0 : Math.Min(findings.Count + 2, Math.Max(4, bodyHeight / 2));
        var objectsHeight = Math.Min(objects.Count + 2, bodyHeight - findingsHeight - EventsMinHeight);
        var eventsHeight = bodyHeight - findingsHeight - objectsHeight;
        var events = EventsView.Lines(kernel, changes, inner, eventsHeight - 2, state.EventsScrolledBack);
        var threads = ThreadsView.Lines(state, session, changes, threadsWidth - Box.Chrome, bodyHeight - 2);
        var (status, keys) = StatusBarView.Lines(state, width, StatusBarView.KeysFor(state, width));

        return new RunScreenData(
            HeaderView.Line(state, session, width),
            threadsWidth,
            threads,
            objectsHeight,
            Box.Scrolled(objects, state.ObjectsScrolled, objectsHeight - 2),
            findingsHeight,
            findings is null ? null : Box.Clip(findings, findingsHeight - 2),
            eventsHeight,
            events,
            status,
            keys)
        {
            ThreadsRightColumn = ThreadColumns.Split(state, session, threadsWidth - Box.Chrome, bodyHeight - 2) is { } split
                ? ThreadColumns.LeftWidth(session, split, threadsWidth - Box.Chrome) + ThreadColumns.Gap : 0,
        };
    }

    /// <summary>Where the right-hand column of threads starts inside the threads panel; 0 when the threads are in one column.</summary>
    public int ThreadsRightColumn { get; init; }
}
