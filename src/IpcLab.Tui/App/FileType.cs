namespace IpcLab.Tui.App;

/// <summary>What a path names, as lstat(2) (or stat(2)) reports it.</summary>
public enum FileType
{
    Missing,
    Regular,
    Folder,
    SymbolicLink,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
}
