using System.Reflection;
using IpcLab.Tui.App;
using Microsoft.Extensions.Logging;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Takes a key as soon as it is typed (README, Benchmarks). Terminal.Gui 2.5 reads the terminal
/// every 20 ms and its main loop sleeps between iterations; here the input waits in poll(2)
/// (<see cref="WaitingAnsiInput"/>) and the main loop waits for that input (<see cref="InputArrival"/>)
/// at most <see cref="IdleIterationMs"/>, then draws at once. Terminal.Gui 2.5 has no public way to
/// give an application its input: the component factory is a private field of its application
/// (<c>ApplicationImpl._componentFactory</c>, read by <c>Init</c>), set here by reflection. When that
/// field is not there, or stdin is not a terminal, or this is not Linux, the application keeps
/// Terminal.Gui's own input and pace, and the log says why.
/// </summary>
internal sealed class QuickInput : IDisposable
{
    /// <summary>The private field of Terminal.Gui 2.5's application that holds its component factory.</summary>
    public const string FactoryField = "_componentFactory";

    /// <summary>The longest the main loop waits for input before its next iteration (timers, resizes, auto-run).</summary>
    public const int IdleIterationMs = 10;

    // With the wait in the Iteration event, the loop's own pause after an iteration is only a floor:
    // one iteration a millisecond at most (a lower cap would sleep after a key's frame, not before it).
    private const ushort IterationsPerSecond = 1000;

    private readonly InputArrival _arrival;
    private readonly WaitingInputFactory _factory;
    private readonly IApplication _app;

    private QuickInput(IApplication app, InputArrival arrival, WaitingInputFactory factory)
    {
        _app = app;
        _arrival = arrival;
        _factory = factory;
        Application.MaximumIterationsPerSecond = IterationsPerSecond;
        _app.Iteration += WaitForInput;
    }

    /// <summary>
    /// Before <c>Init</c>: gives <paramref name="app"/> the waiting input and lets its main loop wait
    /// for input; null (and a line in the log) when it cannot, and <paramref name="app"/> is left as it was.
    /// </summary>
    public static QuickInput? Install(IApplication app, ILogger log)
    {
        string? problem = !OperatingSystem.IsLinux() ? "not on Linux"
            : Console.IsInputRedirected ? "stdin is not a terminal"
            : null;
        var arrival = new InputArrival();
        var factory = new WaitingInputFactory(arrival, reason => TuiLog.QuickInputFailed(log, reason));
        if (problem is null && TrySetFactory(app, factory, out problem))
        {
            TuiLog.QuickInputInstalled(log, WaitingAnsiInput.LongestWaitMs, IdleIterationMs);
            return new QuickInput(app, arrival, factory);
        }

        arrival.Dispose();
        TuiLog.QuickInputFailed(log, problem!);
        return null;
    }

    /// <summary>Sets the component factory of a Terminal.Gui application not yet initialized; false with the reason when it cannot.</summary>
    internal static bool TrySetFactory(object app, IComponentFactory factory, out string? problem)
    {
        var field = app.GetType().GetField(FactoryField, BindingFlags.Instance | BindingFlags.NonPublic);
        problem = field is null ? $"{app.GetType().FullName} has no field {FactoryField} (not Terminal.Gui 2.5?)"
            : field.FieldType != typeof(IComponentFactory) ? $"{app.GetType().FullName}.{FactoryField} is a {field.FieldType.Name}, not an {nameof(IComponentFactory)}"
            : field.GetValue(app) is not null ? $"{app.GetType().FullName} already has a component factory"
            : null;
        if (problem is not null)
        {
            return false;
        }

        field!.SetValue(app, factory);
        return true;
    }

    /// <summary>
    /// The input thread waits no more: called before the application shuts down (Terminal.Gui then
    /// waits for that thread to end).
    /// </summary>
    public void Dispose()
    {
        _app.Iteration -= WaitForInput;
        _factory.Input?.Stop();
    }

    private void WaitForInput(object? sender, EventArgs<IApplication?> e) => _arrival.WaitAtMost(IdleIterationMs);
}
