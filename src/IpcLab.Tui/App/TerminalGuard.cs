using System.Runtime.InteropServices;
using System.Text;

namespace IpcLab.Tui.App;

/// <summary>
/// Owns the terminal while the TUI runs: enters the alternate screen and hides the cursor, reads
/// Ctrl-C as a key, and gives the terminal back exactly once however the program ends — quit,
/// SIGTERM, SIGHUP, SIGQUIT, process exit or an unhandled exception (SIGKILL cannot be caught;
/// `reset` is the fallback). SIGINT from outside asks the loop to quit; SIGTSTP leaves the
/// alternate screen and SIGCONT re-enters it and asks for a redraw. Every frame goes through
/// <see cref="Write"/>, under the same lock, so no frame lands on the normal screen after a restore.
/// </summary>
public sealed class TerminalGuard : IDisposable
{
    /// <summary>Alternate screen, cursor home, clear, hide the cursor.</summary>
    public const string EnterSequence = "\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l";

    /// <summary>
    /// Reset colours, show the cursor, leave the alternate screen, and put the cursor keys and the
    /// keypad back in normal mode: .NET's console switches both to application mode when it
    /// starts reading keys and does not switch them back, so a shell would get ESC O A for ↑.
    /// </summary>
    public const string LeaveSequence = "\x1b[0m\x1b[?25h\x1b[?1049l\x1b[?1l\x1b>";

    /// <summary>Application cursor-key and keypad modes again, as .NET's console reads keys in them (after fg).</summary>
    public const string KeypadSequence = "\x1b[?1h\x1b=";

    private readonly Stream _out;
    private readonly LoopSignals _signals;
    private readonly Lock _lock = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private bool _active;
    private bool _suspended;
    private bool _restored;
    private bool _treatControlCAsInputBefore;

    public TerminalGuard(Stream output, LoopSignals signals)
    {
        _out = output;
        _signals = signals;
    }

    /// <summary>Takes the terminal (once): alternate screen, hidden cursor, Ctrl-C as a key, signal handlers.</summary>
    public void Enter()
    {
        lock (_lock)
        {
            if (_active || _restored)
            {
                return;
            }

            _treatControlCAsInputBefore = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = true;
            Send(EnterSequence);
            _active = true;
        }

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt));
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
        {
            // Restore, then let the signal's default action end the process as usual (a run
            // being saved at that moment loses its temporary file, not the target).
            _registrations.Add(PosixSignalRegistration.Create(signal, _ =>
            {
                Restore();
                WholeFile.RemoveUnfinished();
            }));
        }

        if (!OperatingSystem.IsWindows())
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTSTP, _ => Suspend()));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, _ => Resume()));
        }
    }

    /// <summary>Sends one frame's bytes in one write; returns false (and drops them) while the terminal is not ours.</summary>
    public bool Write(byte[] frame)
    {
        lock (_lock)
        {
            if (!_active || _suspended)
            {
                return false;
            }

            _out.Write(frame);
            _out.Flush();
            return true;
        }
    }

    /// <summary>Gives the terminal back: normal screen, visible cursor, Ctrl-C as before. Safe to call any number of times, from any thread.</summary>
    public void Restore()
    {
        lock (_lock)
        {
            if (!_active)
            {
                return;
            }

            _active = false;
            _restored = true;
            try
            {
                Send(LeaveSequence);
                Console.TreatControlCAsInput = _treatControlCAsInputBefore;
            }
            catch (IOException)
            {
                // The terminal is gone (a hang-up closed it): there is no screen left to restore.
            }
        }
    }

    /// <summary>True where the program can stop itself as a shell job (Linux and macOS).</summary>
    public static bool CanSuspend => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>
    /// Ctrl-Z: gives the screen back, then stops the program's whole process group, as the
    /// terminal does when Ctrl-Z is typed to a program that does not read it. A parent such as
    /// `make run` stops too, so the shell sees the job stopped; `fg` continues it, and the SIGCONT
    /// handler takes the screen again and asks for a redraw. SIGSTOP, not SIGTSTP: the runtime's
    /// own SIGTSTP handling does not stop a process that reads its terminal raw.
    /// </summary>
    public void SuspendJob()
    {
        Suspend();
        var sigstop = OperatingSystem.IsMacOS() ? 17 : 19;
        if (NativeSignals.Kill(0, sigstop) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            Resume();
            throw new IOException($"could not suspend: kill(0, SIGSTOP) failed with error {error}");
        }
    }

    public void Dispose()
    {
        Restore();
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
    }

    /// <summary>Before the process stops (SIGTSTP): show the normal screen and the cursor.</summary>
    private void Suspend()
    {
        lock (_lock)
        {
            if (_active && !_suspended)
            {
                Send(LeaveSequence);
                _suspended = true;
            }
        }
    }

    /// <summary>After the process continues (SIGCONT): take the alternate screen again and ask for a full redraw.</summary>
    private void Resume()
    {
        lock (_lock)
        {
            if (_active && _suspended)
            {
                Send(EnterSequence + KeypadSequence);
                _suspended = false;
            }
        }

        _signals.RequestRedraw();
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        // SIGINT sent from outside (Ctrl-C typed in the terminal arrives as a key instead).
        context.Cancel = true;
        _signals.RequestQuit(130);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Restore();

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Restore();

    private void Send(string sequence)
    {
        _out.Write(Encoding.UTF8.GetBytes(sequence));
        _out.Flush();
    }
}
