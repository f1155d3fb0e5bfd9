using System.Runtime.InteropServices;

namespace IpcLab.Tui.Gui;

/// <summary>
/// What the program writes to the terminal when a signal ends it: the sequence that gives the
/// terminal back, and then nothing more. Terminal.Gui's main loop keeps running between the signal
/// handler and the exit, and a frame it draws there hides the cursor again (seen: a SIGTERM right
/// after the first frame left the cursor hidden). So standard output is first pointed at
/// /dev/null, and the sequence goes to the terminal through a copy of the old descriptor.
/// </summary>
internal static partial class TerminalLastWord
{
    private const int StandardOutput = 1;
    private const int WriteOnly = 1;

    /// <summary>Writes <paramref name="sequence"/> as the last bytes the terminal gets from this process.</summary>
    public static unsafe void Write(ReadOnlySpan<byte> sequence)
    {
        var terminal = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? Dup(StandardOutput) : -1;
        var nowhere = terminal >= 0 ? Open("/dev/null", WriteOnly) : -1;
        // A write Terminal.Gui started before the dup2 still reaches the terminal, whole (a tty
        // takes one write at a time); every write after it goes to /dev/null, so ours is the last.
        if (nowhere < 0 || Dup2(nowhere, StandardOutput) < 0)
        {
            Close(terminal);
            Close(nowhere);
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(sequence);
            stdout.Flush();
            return;
        }

        Close(nowhere);
        fixed (byte* start = sequence)
        {
            var written = 0;
            while (written < sequence.Length)
            {
                var n = WriteBytes(terminal, start + written, sequence.Length - written);
                if (n < 0 && Marshal.GetLastPInvokeError() == Interrupted)
                {
                    continue;
                }

                if (n <= 0)
                {
                    break;
                }

                written += (int)n;
            }
        }

        Close(terminal);
    }

    private const int Interrupted = 4;

    private static void Close(int fd)
    {
        if (fd >= 0)
        {
            _ = CloseDescriptor(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Dup2(int from, int to);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int CloseDescriptor(int fd);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static unsafe partial nint WriteBytes(int fd, byte* bytes, nint count);
}
