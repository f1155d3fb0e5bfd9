namespace IpcLab.Tui.Gui;

/// <summary>
/// Tells Terminal.Gui's main loop that input is waiting in its queue, so that the loop, instead of
/// sleeping a fixed time between iterations, waits for this and takes a key as soon as it is queued.
/// The input thread says so (<see cref="Arrived"/>); the main loop waits (<see cref="WaitAtMost"/>).
/// </summary>
internal sealed class InputArrival : IDisposable
{
    private readonly ManualResetEventSlim _arrived = new(initialState: false, spinCount: 0);

    /// <summary>Input has been put in the queue (called by the input thread after queueing it).</summary>
    public void Arrived() => _arrived.Set();

    /// <summary>
    /// Returns when input has arrived since the last call, or after <paramref name="milliseconds"/>;
    /// whether input arrived.
    /// </summary>
    public bool WaitAtMost(int milliseconds)
    {
        var arrived = _arrived.Wait(milliseconds);
        // Cleared before the loop takes the queue: what arrives after this is either taken by this
        // iteration too or sets the flag again for the next one, never left waiting for a timeout.
        _arrived.Reset();
        return arrived;
    }

    public void Dispose() => _arrived.Dispose();
}
