using System.Runtime.InteropServices;

namespace IpcLab;

/// <summary>
/// While the command writes a file, SIGINT (Ctrl-C), SIGTERM, SIGHUP and SIGQUIT stop the write
/// instead of ending the process on the spot, so the temporary file is removed before the command
/// exits with 128 + the signal's number. SIGKILL (kill -9) cannot be caught: after it a temporary file
/// `.NAME.RANDOM.tmp` may stay beside the target (the target itself is whole, old or new).
/// </summary>
internal sealed class WriteInterrupt : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    public WriteInterrupt()
    {
        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGHUP, 1), (PosixSignal.SIGQUIT, 3) })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Stop(number);
            }));
        }
    }

    /// <summary>Cancelled by the first of the signals.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The number of the first signal caught, or 0.</summary>
    public int Signal => Volatile.Read(ref _signal);

    /// <summary>The exit code after signal <see cref="Signal"/>: 130 after SIGINT, as a shell reports it.</summary>
    public int ExitCode => 128 + Signal;

    public string SignalName => Signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        15 => "SIGTERM",
        _ => $"signal {Signal}",
    };

    /// <summary>What a caught signal does (the handlers call it; tests call it for a signal without sending one).</summary>
    internal void Stop(int signal)
    {
        Interlocked.CompareExchange(ref _signal, signal, 0);
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }
}
