using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace IpcLab.Tui.App;

/// <summary>
/// Writes a saved run or a trace all at once, and only as a regular file. The text goes to a
/// temporary file created exclusively (O_EXCL: never through a link, never over a file that is
/// there) under an unpredictable name beside the target, which is then renamed over the target, so
/// a failure never leaves half a file. A named pipe, a device, a socket, a folder or a symbolic
/// link at the target is refused and left as it is; a regular file that is replaced keeps its
/// permission bits; a file the command is reading (the script, the saved run) is never replaced.
/// </summary>
public static class WholeFile
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The temporary files being written now (see <see cref="RemoveUnfinished"/>).</summary>
    private static readonly ConcurrentDictionary<string, bool> _unfinished = new();

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="fullPath"/>. <paramref name="inputs"/> are the
    /// files being read, with the words that name them ("the script this command reads (FILE)").
    /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> with a message
    /// that says why, and <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires
    /// before the rename; either way the temporary file is gone.
    /// </summary>
    public static void Write(string fullPath, string text, IReadOnlyList<(string Path, string Role)>? inputs = null, CancellationToken cancel = default) =>
        Write(fullPath, text, inputs ?? [], beforeRename: null, cancel);

    /// <param name="beforeRename">Called with the temporary file's path once it is written (tests make the write fail there).</param>
    internal static void Write(string fullPath, string text, IReadOnlyList<(string Path, string Role)> inputs, Action<string>? beforeRename, CancellationToken cancel)
    {
        // Between this check and the rename another process could put something else at the path;
        // rename(2) then replaces that name, never a file a link points to.
        var target = Check(fullPath, inputs);
        cancel.ThrowIfCancellationRequested();

        var dir = Path.GetDirectoryName(fullPath) ?? ".";
        var temp = Path.Combine(dir, $".{Path.GetFileName(fullPath)}.{RandomNumberGenerator.GetHexString(16, lowercase: true)}.tmp");
        var created = false;
        var renamed = false;
        try
        {
            using (var stream = new FileStream(temp, CreateOptions(target)))
            {
                created = true;
                _unfinished[temp] = true;
                stream.Write(_utf8.GetBytes(text));
                if (target.Type == FileType.Regular && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(stream.SafeFileHandle, target.Mode);
                }

                stream.Flush(flushToDisk: true);
            }

            beforeRename?.Invoke(temp);
            cancel.ThrowIfCancellationRequested();
            File.Move(temp, fullPath, overwrite: true);
            renamed = true;
        }
        finally
        {
            // Only a file this call created is removed: a name that was taken is someone else's.
            if (created && !renamed)
            {
                File.Delete(temp);
            }

            _unfinished.TryRemove(temp, out _);
        }
    }

    /// <summary>
    /// Removes the temporary files of writes still under way. For a signal handler that lets the
    /// process end (the terminal UI's SIGTERM, SIGHUP, SIGQUIT): the write is lost, the target is
    /// whole. SIGKILL runs no handler, so after kill -9 a `.NAME.RANDOM.tmp` can stay behind.
    /// </summary>
    public static void RemoveUnfinished()
    {
        foreach (var temp in _unfinished.Keys)
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Whether <paramref name="fullPath"/> may be written, before anything is computed (the command
    /// checks its --save and --trace before the run, so a refusal comes first, not after the output);
    /// throws <see cref="IOException"/> saying why not. Returns what is there now.
    /// </summary>
    public static FileFacts Check(string fullPath, IReadOnlyList<(string Path, string Role)>? inputs = null)
    {
        var dir = Path.GetDirectoryName(fullPath) ?? ".";
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"the folder {dir} does not exist");
        }

        var target = NativeFiles.Inspect(fullPath);
        CheckTarget(fullPath, target, inputs ?? []);
        return target;
    }

    private static void CheckTarget(string fullPath, FileFacts target, IReadOnlyList<(string Path, string Role)> inputs)
    {
        if (target.Type is not (FileType.Missing or FileType.Regular))
        {
            var what = target.Type == FileType.SymbolicLink ? $"{target.Describe()} (to {new FileInfo(fullPath).LinkTarget})" : target.Describe();
            throw new IOException($"it is {what}, not a regular file; ipclab writes runs and traces only to regular files");
        }

        if (target.Type == FileType.Missing)
        {
            return;
        }

        foreach (var (path, role) in inputs)
        {
            var input = NativeFiles.Inspect(path, followLinks: true);
            var same = target.IsSameFileAs(input)
                || (input.Inode == 0 && string.Equals(Resolved(path), Resolved(fullPath), StringComparison.Ordinal));
            if (same)
            {
                throw new IOException($"it is {role}; choose another file name");
            }
        }
    }

    /// <summary>Where identities are unknown: the full path with links resolved.</summary>
    private static string Resolved(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }

    /// <summary>
    /// A new temporary file. Replacing a regular file, it starts readable by its owner only and gets
    /// the target's permission bits once written (exactly, whatever the umask); a new target gets the
    /// usual mode of a new file.
    /// </summary>
    private static FileStreamOptions CreateOptions(FileFacts target)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (target.Type == FileType.Regular && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
