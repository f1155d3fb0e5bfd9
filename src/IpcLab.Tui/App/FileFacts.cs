namespace IpcLab.Tui.App;

/// <summary>
/// The type of a path, its permission bits (for a regular file) and its identity (device and inode),
/// which shows when two names (a symbolic link, "a/./b", a hard link) name one file.
/// </summary>
public sealed record FileFacts(FileType Type, UnixFileMode Mode, ulong Device, ulong Inode)
{
    public static readonly FileFacts Missing = new(FileType.Missing, 0, 0, 0);

    /// <summary>Whether both name the same file (false when either identity is unknown).</summary>
    public bool IsSameFileAs(FileFacts other) =>
        Type != FileType.Missing && other.Type != FileType.Missing && Inode != 0 && Inode == other.Inode && Device == other.Device;

    /// <summary>"a named pipe (FIFO)", "a folder", ... for messages that refuse to write onto it.</summary>
    public string Describe() => Type switch
    {
        FileType.Folder => "a folder",
        FileType.SymbolicLink => "a symbolic link",
        FileType.NamedPipe => "a named pipe (FIFO)",
        FileType.CharacterDevice => "a device (a character special file)",
        FileType.BlockDevice => "a device (a block special file)",
        FileType.Socket => "a socket",
        FileType.Regular => "a regular file",
        _ => "missing",
    };
}
