using System.Runtime.InteropServices;

namespace IpcLab.Conformance.Rabbit;

/// <summary>
/// A lock on the shared RabbitMQ node across test processes: flock(2) on one file in /tmp, shared
/// by every test that uses the node, exclusive for a test that restarts it. Two runs of the suite
/// (two checkouts, or `make test` beside `make conformance`) share the one node on localhost:5672,
/// and a restart by one closes every connection of the other, which then fails for no fault of the
/// model. Within one process xUnit already keeps the restarts apart (<see cref="NodeRestarts"/>);
/// this keeps them apart from the other processes' tests too. The kernel drops the lock when the
/// process dies, so a crashed run never leaves the node locked.
/// </summary>
public sealed partial class NodeLock : IDisposable
{
    private const string LockFile = "/tmp/ipclab-conformance-rabbitmq.lock";
    private const int Shared = 1;
    private const int Exclusive = 2;
    private const int OpenReadWriteCreate = 0x2 | 0x40;
    private const int Interrupted = 4;

    private int _fd;

    private NodeLock(int operation)
    {
        // Not a FileStream: .NET takes its own non-blocking flock when it opens a file, which would
        // fail (rather than wait) while another run holds the lock exclusively.
        _fd = Open(LockFile, OpenReadWriteCreate, Convert.ToInt32("666", 8));
        if (_fd < 0)
        {
            throw new InvalidOperationException($"cannot open the node's lock file {LockFile}: errno {Marshal.GetLastPInvokeError()}");
        }

        int result;
        while ((result = Flock(_fd, operation)) < 0 && Marshal.GetLastPInvokeError() == Interrupted)
        {
        }

        if (result < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Dispose();
            throw new InvalidOperationException($"cannot lock {LockFile}: errno {errno}");
        }
    }

    /// <summary>Waits until no other process restarts the node, and keeps it from doing so until disposed.</summary>
    public static NodeLock ToUse() => new(Shared);

    /// <summary>Waits until no other process uses the node, and keeps them out until disposed.</summary>
    public static NodeLock ToRestart() => new(Exclusive);

    public void Dispose()
    {
        if (_fd >= 0)
        {
            _ = Close(_fd);
            _fd = -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Close(int fd);
}
