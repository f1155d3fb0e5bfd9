using System.Runtime.InteropServices;

namespace IpcLab.KeyPress;

/// <summary>
/// The controlling side of a Linux pseudo-terminal (posix_openpt(3)): what a terminal emulator
/// holds. The program under test gets the other side, <see cref="DevicePath"/>, as its terminal.
/// </summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 0x2;
    private const int NoControllingTerminal = 0x100;
    private const ulong SetWindowSize = 0x5414;
    private const short PollIn = 0x1;
    private const int Interrupted = 4;

    private readonly int _fd;

    public PseudoTerminal(int columns, int rows)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the key-press measurement opens a Linux pseudo-terminal");
        }

        _fd = Check(OpenPt(ReadWrite | NoControllingTerminal), "posix_openpt");
        Check(GrantPt(_fd), "grantpt");
        Check(UnlockPt(_fd), "unlockpt");
        var name = new byte[256];
        if (PtsNameR(_fd, name, name.Length) != 0)
        {
            throw new IOException("ptsname_r failed");
        }

        DevicePath = System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        var size = new WindowSize { Rows = (ushort)rows, Columns = (ushort)columns };
        Check(SetSize(_fd, SetWindowSize, ref size), "ioctl(TIOCSWINSZ)");
    }

    /// <summary>The terminal device the program opens, /dev/pts/N.</summary>
    public string DevicePath { get; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var written = WriteFd(_fd, bytes, bytes.Length);
            if (written < 0 && Marshal.GetLastPInvokeError() == Interrupted)
            {
                continue;
            }

            bytes = bytes[(int)Check(written, "write")..];
        }
    }

    /// <summary>
    /// Waits at most <paramref name="timeoutMs"/> for output of the program and reads what there is:
    /// 0 when nothing came, -1 when the program closed its side.
    /// </summary>
    public int Read(Span<byte> buffer, int timeoutMs)
    {
        var poll = new PollFd { Fd = _fd, Events = PollIn };
        var ready = Poll(ref poll, 1, timeoutMs);
        if (ready == 0 || (ready < 0 && Marshal.GetLastPInvokeError() == Interrupted))
        {
            return 0;
        }

        Check(ready, "poll");
        var read = ReadFd(_fd, buffer, buffer.Length);
        // Linux reports EIO on the controlling side once no process holds the terminal open.
        return read <= 0 ? -1 : (int)read;
    }

    public void Dispose() => _ = Close(_fd);

    private static long Check(long result, string call) =>
        result >= 0 ? result : throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");

    private static int Check(int result, string call) => (int)Check((long)result, call);

    [StructLayout(LayoutKind.Sequential)]
    private struct WindowSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort PixelWidth;
        public ushort PixelHeight;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static partial int OpenPt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static partial int PtsNameR(int fd, [Out] byte[] buffer, nint length);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int SetSize(int fd, ulong request, ref WindowSize size);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, ulong count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadFd(int fd, Span<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteFd(int fd, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
