using System.Runtime.InteropServices;

namespace IpcLab.Tui.App;

/// <summary>
/// The type and identity of a path. .NET reports neither a named pipe nor a device (both look like
/// ordinary files), so on Linux this asks statx(2), whose buffer has one layout on every
/// architecture. Elsewhere, or where statx is not available, only what .NET knows is reported
/// (missing, folder, symbolic link, otherwise a file) and identities are unknown.
/// </summary>
public static partial class NativeFiles
{
    private const int AtCurrentFolder = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxTypeAndMode = 0x1 | 0x2;
    private const int NoSuchFile = 2;
    private const int NotAFolder = 20;
    private const int NotImplemented = 38;

    /// <summary>What <paramref name="path"/> names; a symbolic link itself unless <paramref name="followLinks"/>.</summary>
    public static FileFacts Inspect(string path, bool followLinks = false)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (Statx(AtCurrentFolder, path, followLinks ? 0 : AtSymlinkNoFollow, StatxTypeAndMode, out var buffer) == 0)
                {
                    return FromMode(buffer.Mode, ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor, buffer.Inode);
                }

                var error = Marshal.GetLastPInvokeError();
                if (error is NoSuchFile or NotAFolder)
                {
                    return FileFacts.Missing;
                }

                if (error != NotImplemented)
                {
                    throw new IOException(Marshal.GetPInvokeErrorMessage(error));
                }
            }
            catch (EntryPointNotFoundException)
            {
                // A C library without statx (glibc before 2.28): fall back on what .NET knows.
            }
        }

        return Managed(path, followLinks);
    }

    private static FileFacts FromMode(ushort mode, ulong device, ulong inode)
    {
        var type = (mode & 0xF000) switch
        {
            0x8000 => FileType.Regular,
            0x4000 => FileType.Folder,
            0xA000 => FileType.SymbolicLink,
            0x1000 => FileType.NamedPipe,
            0x2000 => FileType.CharacterDevice,
            0x6000 => FileType.BlockDevice,
            _ => FileType.Socket,
        };
        return new FileFacts(type, (UnixFileMode)(mode & 0xFFF), device, inode);
    }

    private static FileFacts Managed(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (followLinks && info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        if (!info.Exists && !Directory.Exists(info.FullName) && info.LinkTarget is null)
        {
            return FileFacts.Missing;
        }

        var type = info.LinkTarget is not null ? FileType.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? FileType.Folder
            : FileType.Regular;
        var mode = OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : info.UnixFileMode;
        return new FileFacts(type, mode, 0, 0);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int folder, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx (linux/stat.h): the same 256 bytes on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}
