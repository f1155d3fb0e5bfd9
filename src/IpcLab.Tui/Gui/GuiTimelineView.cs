using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;
using IpcLab.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The timeline row of the run screen: shows <see cref="TimelineData"/>; a click on the bar, or a
/// drag along it, goes to the step under the mouse. The marks of the recorded steps are computed
/// again only when the recorded timeline changes (stepping back and forth does not change it).
/// </summary>
internal sealed class GuiTimelineView : View
{
    private readonly MarkupLinesView _line = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Action<int> _goTo;
    private Session? _markedSession;
    private ScheduleEntry[] _markedTimeline = [];
    private IReadOnlyList<EventClass> _marks = [];

    /// <param name="goTo">Goes to a step (the same as a click on an event).</param>
    public GuiTimelineView(Action<int> goTo)
    {
        _goTo = goTo;
        Height = 1;
        Add(_line);
        _line.MouseEvent += (_, mouse) => OnMouse(mouse);
    }

    public TimelineData Shown { get; private set; } = TimelineData.Build([], 0, 1);

    public void Show(Session session, int width)
    {
        if (session != _markedSession || !session.Timeline.SequenceEqual(_markedTimeline))
        {
            _markedSession = session;
            _markedTimeline = [.. session.Timeline];
            _marks = TimelineMarks.Of(session);
        }

        Shown = TimelineData.Build(_marks, session.Position, width);
        _line.Lines = [Shown.Line];
    }

    private void OnMouse(Mouse mouse)
    {
        // A press, or a move with the button held (a drag), both go to the step under the mouse.
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) && !mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed))
        {
            return;
        }

        var step = Shown.StepAt(mouse.Position!.Value.X);
        if (step >= 0)
        {
            _goTo(step);
        }

        mouse.Handled = true;
    }
}
