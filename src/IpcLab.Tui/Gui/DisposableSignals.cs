using System.Runtime.InteropServices;

namespace IpcLab.Tui.Gui;

/// <summary>Signal handlers registered for the time the screen runs, removed together.</summary>
internal sealed class DisposableSignals(IReadOnlyList<PosixSignalRegistration> registrations) : IDisposable
{
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }
}
