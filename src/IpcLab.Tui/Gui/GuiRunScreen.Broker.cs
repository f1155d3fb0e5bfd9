using System.Globalization;
using System.Text.RegularExpressions;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Tui.Views;
using IpcLab.Tui.Views.Broker;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

// The broker page (x): in place of the threads, objects and events, the topology diagram, the
// messages in flight and the path of one, the routing tables, the queues. The run keys still step.
internal sealed partial class GuiRunScreen
{
    private readonly BrokerPaneState _brokerPane = new();
    private readonly FrameView _broker = Panel("Broker · x: back to the threads");
    private readonly MarkupLinesView _brokerLines = Inside();
    private IReadOnlyList<PageTarget> _brokerTargets = [];

    /// <summary>The broker page's state (tests read which message and hop are chosen).</summary>
    internal BrokerPaneState BrokerPane => _brokerPane;

    private void AddBrokerPane()
    {
        _broker.X = 0;
        _broker.Y = 2;
        _broker.Height = Dim.Fill(3);
        _broker.Visible = false;
        _broker.Add(_brokerLines);
        Add(_broker);
        _brokerLines.MouseEvent += (_, mouse) =>
        {
            OnPanelWheel(mouse, by =>
            {
                _brokerPane.Scrolled = Math.Max(0, _brokerPane.Scrolled + by);
                Refresh();
            });
            OnClick(mouse, row => row < _brokerTargets.Count ? row : -1, ClickBrokerRow);
        };
    }

    /// <summary>Shows the broker page over the run's panels when it is on (and the run has a broker); false leaves the panels.</summary>
    private bool ShowBroker(bool onRun, int width, int height, int column)
    {
        var shown = onRun && _brokerPane.Shown && _state.Session!.Program.CountOf(ObjectKind.Broker) > 0;
        _broker.Visible = shown;
        if (!shown)
        {
            return false;
        }

        foreach (var panel in new View[] { _threads, _objects, _findings, _events })
        {
            panel.Visible = false;
        }

        _broker.SetWidth(Dim.Fill(column));
        var data = BrokerPage.Build(_state.Session!.Kernel, _brokerPane, width - column - Box.Chrome, height - 7);
        _brokerLines.Lines = data.Lines;
        _brokerTargets = data.Targets;
        return true;
    }

    /// <summary>x toggles the page; on it, ] and [ choose a message, ↑ and ↓ a hop of its path (or scroll), Enter goes to the hop's step.</summary>
    private bool BrokerKey(ConsoleKeyInfo key)
    {
        if (_state.Screen != Screen.Run || _state.Prompt != PromptKind.None || _state.Session is not { } session)
        {
            return false;
        }

        if (key.KeyChar == 'x')
        {
            var hasBroker = session.Program.CountOf(ObjectKind.Broker) > 0;
            _brokerPane.Shown = hasBroker && !_brokerPane.Shown;
            var published = new MessageLabels(session.Kernel);
            if (_brokerPane.Shown && ChosenInObjects(published) is { } chosen)
            {
                // From the objects panel (] [ chose a message there): x opens that message's path.
                _brokerPane.Choose(session.Kernel, published, chosen);
                _state.ChosenMessage = 0;
            }
            else if (_brokerPane.Shown && BrokerPaneState.MovedInLastStep(session.Kernel) is { } moved)
            {
                // From the events (a click went to a step that moved a message): x opens that message's path.
                _brokerPane.Choose(session.Kernel, published, moved);
            }

            _state.Status = !hasBroker ? "this program has no broker: x shows a broker's topology, routing tables and message paths"
                : _brokerPane.Shown ? "the broker page: ] [ choose a message for its path, Enter on a hop goes to its step (x or Esc: the threads again)"
                : "the threads, objects and events again (x: the broker page)";
            Refresh();
            return true;
        }

        if (session.Program.CountOf(ObjectKind.Broker) == 0)
        {
            return false;
        }

        if (!_brokerPane.Shown)
        {
            return ChooseInObjects(session.Kernel, key);
        }

        // Esc leaves the page as x does, before it would leave the run for the list of programs.
        if (key.Key == ConsoleKey.Escape)
        {
            _brokerPane.Shown = false;
            _state.Status = "the threads, objects and events again (x: the broker page; Esc again: the list of programs)";
            Refresh();
            return true;
        }

        var kernel = session.Kernel;
        var labels = new MessageLabels(kernel);
        switch (key.KeyChar, key.Key)
        {
            case (']', _) or ('[', _):
                _brokerPane.Cycle(kernel, labels, key.KeyChar == ']' ? 1 : -1);
                break;
            case (_, ConsoleKey.UpArrow) or (_, ConsoleKey.DownArrow) when _brokerPane.Message > 0:
                _brokerPane.MoveHop(kernel, labels, key.Key == ConsoleKey.DownArrow ? 1 : -1);
                break;
            case (_, ConsoleKey.UpArrow) or (_, ConsoleKey.DownArrow):
                _brokerPane.Scrolled = Math.Max(0, _brokerPane.Scrolled + (key.Key == ConsoleKey.DownArrow ? 1 : -1));
                break;
            case (_, ConsoleKey.Enter) when _brokerPane.Hop >= 0:
                GoToHop(_brokerPane.Hop);
                break;

            // Without a hop, Enter is the page's still: it must not fall through to run a thread.
            case (_, ConsoleKey.Enter):
                _state.Status = _brokerPane.Message > 0 ? "↑ ↓ choose a hop first; Enter goes to its step" : "] [ choose a message, ↑ ↓ a hop of its path; Enter goes to its step";
                break;
            default:
                return false;
        }

        Refresh();
        return true;
    }

    /// <summary>On the threads, objects and events: ] and [ choose the next or previous message the objects panel shows (x opens its path).</summary>
    private bool ChooseInObjects(Kernel kernel, ConsoleKeyInfo key)
    {
        if (key.KeyChar is not (']' or '['))
        {
            return false;
        }

        var labels = new MessageLabels(kernel);
        var shown = labels.InFlight.Select(m => m.Label).Where(l => l > 0).Distinct().ToList();
        if (shown.Count == 0)
        {
            _state.ChosenMessage = 0;
            _state.Status = "no message is in the broker now: ] [ choose one in the objects panel (x opens the broker page, whose ] [ reach every message published)";
        }
        else
        {
            var at = shown.IndexOf(_state.ChosenMessage);
            var next = key.KeyChar == ']' ? (at + 1) % shown.Count : at <= 0 ? shown.Count - 1 : at - 1;
            _state.ChosenMessage = shown[next];
            var copy = labels.InFlight.First(m => m.Label == _state.ChosenMessage);
            _state.Status = $"{copy.Mark} \"{copy.Message.Body}\" chosen in the objects panel: x opens its path (] [ another, a click on a message opens its path)";
        }

        Refresh();
        return true;
    }

    /// <summary>The message chosen in the objects panel, while it is still one published at this step.</summary>
    private int? ChosenInObjects(MessageLabels labels) =>
        _state.ChosenMessage > 0 && _state.ChosenMessage <= labels.Published.Count ? _state.ChosenMessage : null;

    /// <summary>A click on a message in the objects panel (its ●N or its body): the broker page opens on its path.</summary>
    private void OpenPathFromObjects(int label)
    {
        var kernel = _state.Session!.Kernel;
        _brokerPane.Shown = true;
        _brokerPane.Choose(kernel, new MessageLabels(kernel), label);
        _state.ChosenMessage = 0;
        _state.Status = $"the path of {MessageLabels.Mark(label)}: ↑ ↓ a hop, Enter goes to its step (x or Esc: the threads again)";
    }

    /// <summary>The label of the message drawn at <paramref name="column"/> of an objects panel row ("●N" up to the next message), or -1.</summary>
    private static int MessageAt(IReadOnlyList<string> lines, int row, int column)
    {
        if (row < 0 || row >= lines.Count)
        {
            return -1;
        }

        var label = -1;
        foreach (Match mark in MessageMark().Matches(MarkupRuns.Plain(lines[row])))
        {
            // A message's text runs from its mark to the next one: the last mark at or before the click.
            if (mark.Index <= column || label < 0)
            {
                label = int.Parse(mark.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            if (mark.Index > column)
            {
                break;
            }
        }

        return label;
    }

    [GeneratedRegex(@"●(\d+)")]
    private static partial Regex MessageMark();

    /// <summary>A click on the page: a message line opens its path, a hop line goes to its step.</summary>
    private void ClickBrokerRow(int row)
    {
        var target = _brokerTargets[row];
        var kernel = _state.Session!.Kernel;
        if (target.Message > 0)
        {
            _brokerPane.Choose(kernel, new MessageLabels(kernel), target.Message);
        }
        else if (target.Hop >= 0)
        {
            _brokerPane.SelectHop(target.Hop);
            GoToHop(target.Hop);
        }
    }

    private void GoToHop(int hop)
    {
        var kernel = _state.Session!.Kernel;
        var hops = _brokerPane.Hops(kernel, new MessageLabels(kernel));
        if (hop < hops.Count)
        {
            _keys.ClickStep(hops[hop].Step);
        }
    }
}
