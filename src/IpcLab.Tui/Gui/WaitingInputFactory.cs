using Terminal.Gui.Drivers;

namespace IpcLab.Tui.Gui;

/// <summary>Terminal.Gui's ANSI driver, the default on Linux and macOS, with <see cref="WaitingAnsiInput"/> as its input.</summary>
internal sealed class WaitingInputFactory(InputArrival arrival, Action<string> failed) : AnsiComponentFactory
{
    private readonly InputArrival _arrival = arrival;
    private readonly Action<string> _failed = failed;

    /// <summary>The input made for the application (on its input thread, once <c>Init</c> starts it), or null before.</summary>
    public WaitingAnsiInput? Input { get; private set; }

    public override IInput<char> CreateInput() => Input = new WaitingAnsiInput(_arrival, _failed);
}
