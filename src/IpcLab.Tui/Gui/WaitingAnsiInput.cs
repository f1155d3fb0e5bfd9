using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Terminal.Gui's ANSI input, but waiting for the terminal in poll(2) instead of looking every 20 ms.
/// Terminal.Gui 2.5's input loop (<c>InputImpl.Run</c>) asks <see cref="Peek"/> whether input is
/// there and, when it is not, sleeps a fixed 20 ms: a key waited 10 ms on average before the main
/// loop could see it. Here <see cref="Peek"/> itself waits, up to <see cref="LongestWaitMs"/>, for
/// the terminal to have input (or for <see cref="Stop"/>), so the loop reads a key the moment it
/// arrives; and once what it read is queued, it tells the main loop (<see cref="InputArrival"/>).
/// Without a terminal (tests), or elsewhere than on Linux, it is the stock input.
/// </summary>
internal sealed partial class WaitingAnsiInput : AnsiInput
{
    /// <summary>
    /// The longest wait in poll(2) before handing back to Terminal.Gui's loop, which then sleeps its
    /// 20 ms and looks whether it is cancelled: a key pressed in those 20 ms waits for them (one
    /// chance in 26 when the user has been idle).
    /// </summary>
    public const int LongestWaitMs = 500;

    private const int TerminalInput = 0;
    private const short PollIn = 0x1;
    private const int Interrupted = 4;
    private const int CloseOnExec = 0x80000;
    private const int NonBlocking = 0x800;

    private readonly InputArrival _arrival;
    private readonly Action<string> _failed;
    private readonly int[] _wake = [-1, -1];
    private bool _gaveInput;
    private bool _waits;
    private int _stopped;

    /// <param name="arrival">Told each time input has been queued.</param>
    /// <param name="failed">Told once, with the reason, if waiting in poll(2) fails and the stock pace takes over.</param>
    public WaitingAnsiInput(InputArrival arrival, Action<string> failed)
    {
        _arrival = arrival;
        _failed = failed;
        if (IsAttachedToTerminal && OperatingSystem.IsLinux())
        {
            _waits = Pipe(_wake, CloseOnExec | NonBlocking) == 0 || Fail("pipe");
        }
    }

    /// <summary>Whether it waits in poll(2) (attached to a terminal, and nothing failed); otherwise Terminal.Gui's pace.</summary>
    public bool Waits => _waits;

    public override bool Peek()
    {
        // The input loop calls Peek again only after it has queued everything the last Read gave:
        // only now may the main loop be told, or it could look at the queue before the key is in it.
        if (_gaveInput)
        {
            _gaveInput = false;
            _arrival.Arrived();
        }

        if (base.Peek() || (_waits && Volatile.Read(ref _stopped) == 0 && WaitForTerminal() && base.Peek()))
        {
            _gaveInput = true;
        }

        return _gaveInput;
    }

    /// <summary>Ends a wait in poll(2) at once, so the input loop can see it is cancelled (call before the application shuts down).</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0 && _wake[1] >= 0)
        {
            ReadOnlySpan<byte> one = [1];
            _ = Write(_wake[1], one, 1);
        }
    }

    public override void Dispose()
    {
        Stop();
        base.Dispose();
        foreach (var fd in _wake.Where(fd => fd >= 0))
        {
            _ = Close(fd);
        }

        Array.Fill(_wake, -1);
        _waits = false;
    }

    private bool WaitForTerminal()
    {
        Span<PollFd> fds = [new() { Fd = TerminalInput, Events = PollIn }, new() { Fd = _wake[0], Events = PollIn }];
        var ready = Poll(ref MemoryMarshal.GetReference(fds), (ulong)fds.Length, LongestWaitMs);
        if (ready < 0)
        {
            return Marshal.GetLastPInvokeError() != Interrupted && Fail("poll");
        }

        return ready > 0 && (fds[0].ReturnedEvents & PollIn) != 0;
    }

    /// <summary>From now on the stock pace: poll(2) looks once, and Terminal.Gui sleeps between looks.</summary>
    private bool Fail(string call)
    {
        _waits = false;
        _failed($"{call} failed ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}); the input is read every 20 ms from now on");
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, ulong count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe([Out] int[] fds, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
