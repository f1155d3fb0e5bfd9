using System.Runtime.InteropServices;

namespace IpcLab.Tui.App;

/// <summary>The one system call .NET has no managed form of: sending a signal (here, to the own process group).</summary>
internal static partial class NativeSignals
{
    /// <summary>kill(2): pid 0 means every process of the caller's process group.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial int Kill(int pid, int signal);
}
