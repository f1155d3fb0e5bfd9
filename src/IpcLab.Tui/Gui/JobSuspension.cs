using System.Runtime.InteropServices;
using IpcLab.Tui.App;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace IpcLab.Tui.Gui;

/// <summary>
/// Ctrl-Z on the Terminal.Gui screen: gives the terminal back exactly as the shell had it (its modes,
/// the normal screen, the cursor, the cursor keys and keypad in normal mode), stops the job, and
/// takes the terminal again when the job continues (fg). Terminal.Gui's own suspend runs
/// <c>stty sane</c> in a child process, and when that child ends the runtime switches the keypad
/// back to application mode, so the shell's arrows sent <c>ESC O A</c> while the job was stopped.
/// </summary>
internal sealed partial class JobSuspension : IDisposable
{
    // Larger than struct termios on Linux (60 bytes) and macOS (72): the modes are only read and written back whole.
    private const int ModesSize = 256;
    private const int SetNow = 0;

    private readonly byte[]? _shellModes;
    private readonly PosixSignalRegistration? _continued;

    private JobSuspension(byte[]? shellModes, PosixSignalRegistration? continued)
    {
        _shellModes = shellModes;
        _continued = continued;
    }

    /// <summary>The sequences that give the screen back: the normal screen, the cursor, the keys in normal mode, no mouse reports.</summary>
    public static ReadOnlySpan<byte> LeaveSequence => "\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1006l\x1b[?1015l\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l\x1b[?1l\x1b>"u8;

    /// <summary>True on the systems where Ctrl-Z can stop the job (Linux and macOS).</summary>
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>True when Ctrl-Z can stop the job (Linux and macOS, on a terminal).</summary>
    public bool CanSuspend => _shellModes is not null;

    /// <summary>Reads the terminal's modes as the shell left them: call it before Terminal.Gui makes the terminal raw.</summary>
    public static JobSuspension Capture()
    {
        var modes = new byte[ModesSize];
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || GetModes(modes) != 0)
        {
            return new JobSuspension(null, null);
        }

        // On SIGCONT the runtime sets the terminal back to the modes it last set itself (the
        // shell's) and the keypad to application mode, on its own signal thread: that raced with
        // the raw modes put back below after fg. Cancelling its handling leaves the terminal to us.
        var continued = PosixSignalRegistration.Create(PosixSignal.SIGCONT, context => context.Cancel = true);
        return new JobSuspension(modes, continued);
    }

    /// <summary>Stops the job until fg, then takes the terminal again and has the whole screen drawn anew. False where it cannot stop.</summary>
    public bool Suspend(IApplication app)
    {
        var raw = new byte[ModesSize];
        if (_shellModes is null || GetModes(raw) != 0)
        {
            return false;
        }

        Write(LeaveSequence);
        SetModes(_shellModes);

        // The whole process group, so that a parent such as `make run` stops too and the shell sees
        // the job stopped. SIGSTOP cannot be caught: nothing runs between it and fg to write to the
        // terminal after the sequences above.
        var stopped = NativeSignals.Kill(0, OperatingSystem.IsMacOS() ? 17 : 19) == 0;

        // Here after fg (or at once, when the stop failed).
        SetModes(raw);
        Write(EnterSequence);
        app.ClearScreenNextIteration = true;
        return stopped;
    }

    public void Dispose() => _continued?.Dispose();

    private static ReadOnlySpan<byte> EnterSequence => System.Text.Encoding.ASCII.GetBytes(
        EscSeqUtils.CSI_SaveCursorAndActivateAltBufferNoBackscroll + EscSeqUtils.CSI_HideCursor
        + EscSeqUtils.CSI_EnableMouseEvents + EscSeqUtils.CSI_EnableBracketedPaste);

    private static void Write(ReadOnlySpan<byte> bytes)
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(bytes);
        stdout.Flush();
    }

    private static unsafe int GetModes(byte[] modes)
    {
        fixed (byte* p = modes)
        {
            return GetAttributes(0, p);
        }
    }

    private static unsafe void SetModes(byte[] modes)
    {
        fixed (byte* p = modes)
        {
            _ = SetAttributes(0, SetNow, p);
        }
    }

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static unsafe partial int GetAttributes(int fd, byte* modes);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static unsafe partial int SetAttributes(int fd, int when, byte* modes);
}
