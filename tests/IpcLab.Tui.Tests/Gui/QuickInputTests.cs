using System.Collections.Concurrent;
using System.Reflection;
using IpcLab.Tui.Gui;
using Terminal.Gui.App;
using Xunit;

namespace IpcLab.Tui.Tests.Gui;

/// <summary>
/// The input that takes a key as soon as it is typed: the reflection into Terminal.Gui 2.5 it
/// depends on (these fail loudly if an upgrade moves it), its refusal otherwise, and the order of
/// "queued, then the main loop told" on which the main loop's wait relies.
/// </summary>
public sealed class QuickInputTests
{
    [Fact]
    public void TrySetFactory_TerminalGuiApplication_SetsItsComponentFactory()
    {
        using var app = Application.Create();
        using var arrival = new InputArrival();
        var factory = new WaitingInputFactory(arrival, _ => { });

        var set = QuickInput.TrySetFactory(app, factory, out var problem);

        Assert.True(set, problem);
        var field = app.GetType().GetField(QuickInput.FactoryField, BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(field);
        Assert.Same(factory, field.GetValue(app));
    }

    [Fact]
    public void TrySetFactory_ObjectWithoutTheField_RefusesWithTheReason()
    {
        using var arrival = new InputArrival();

        var set = QuickInput.TrySetFactory(new object(), new WaitingInputFactory(arrival, _ => { }), out var problem);

        Assert.False(set);
        Assert.Contains("has no field _componentFactory", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TrySetFactory_FactoryAlreadySet_RefusesAndKeepsTheFirst()
    {
        using var app = Application.Create();
        using var arrival = new InputArrival();
        var first = new WaitingInputFactory(arrival, _ => { });
        Assert.True(QuickInput.TrySetFactory(app, first, out _));

        var set = QuickInput.TrySetFactory(app, new WaitingInputFactory(arrival, _ => { }), out var problem);

        Assert.False(set);
        Assert.Contains("already has a component factory", problem, StringComparison.Ordinal);
        Assert.Same(first, app.GetType().GetField(QuickInput.FactoryField, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(app));
    }

    [Fact]
    public void Init_WithTheWaitingFactory_MakesItsInputOnTheInputThread()
    {
        using var app = Application.Create();
        using var arrival = new InputArrival();
        var factory = new WaitingInputFactory(arrival, _ => { });
        Assert.True(QuickInput.TrySetFactory(app, factory, out _));

        app.Init();

        Assert.NotNull(factory.Input);
        // No terminal here: the stock pace, no wait in poll(2).
        Assert.False(factory.Input.Waits);
    }

    [Fact]
    public void Peek_InputRead_TellsTheMainLoopOnlyOnTheNextPeek()
    {
        using var arrival = new InputArrival();
        using var input = new WaitingAnsiInput(arrival, _ => { });
        input.InjectInput(' ');

        Assert.True(input.Peek());
        Assert.False(arrival.WaitAtMost(0));
        Assert.Equal([' '], input.Read().ToArray());
        Assert.False(arrival.WaitAtMost(0));

        Assert.False(input.Peek());
        Assert.True(arrival.WaitAtMost(0));
        Assert.False(arrival.WaitAtMost(0));
    }

    [Fact]
    public async Task Run_KeysInjected_EachIsQueuedBeforeTheMainLoopIsTold()
    {
        using var arrival = new InputArrival();
        using var input = new WaitingAnsiInput(arrival, _ => { });
        var queue = new ConcurrentQueue<char>();
        input.Initialize(queue);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => input.Run(stop.Token));

        foreach (var key in "space b 1")
        {
            input.InjectInput(key);
            // Told means queued: the main loop finds the key in the queue when its wait ends.
            Assert.True(arrival.WaitAtMost(10_000), $"the input loop did not report '{key}' within 10 s");

            Assert.True(queue.TryDequeue(out var queued));
            Assert.Equal(key, queued);
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void WaitAtMost_NothingArrived_ReturnsFalseAfterTheTimeout()
    {
        using var arrival = new InputArrival();

        Assert.False(arrival.WaitAtMost(1));
        arrival.Arrived();
        Assert.True(arrival.WaitAtMost(0));
        Assert.False(arrival.WaitAtMost(0));
    }
}
