using System.Runtime.CompilerServices;

namespace IpcLab.Tui.Tests.Views;

/// <summary>
/// Golden-file comparison: the file under tests/IpcLab.Tui.Tests/Golden/ is written when it is
/// missing or when UPDATE_SNAPSHOTS=1, and otherwise compared exactly. Under CI=true a missing
/// file fails the test, so a golden file that was never committed cannot pass silently.
/// </summary>
public static class GoldenFile
{
    public static void Check(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "Golden", name + ".txt"));
        Compare(path, actual, update: Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1", ci: IsCi());
    }

    /// <summary>The comparison itself, with the environment passed in (so it can be tested).</summary>
    public static void Compare(string path, string actual, bool update, bool ci)
    {
        if (!File.Exists(path) && !update && ci)
        {
            Assert.Fail($"golden file {path} is missing. Run the tests locally (or with UPDATE_SNAPSHOTS=1) and commit the file it writes.\nThe frame was:\n{actual}");
        }

        if (update || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual + "\n");
            return;
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected.EndsWith('\n'))
        {
            expected = expected[..^1];
        }

        Assert.Equal(expected, actual);
    }

    private static bool IsCi()
    {
        var ci = Environment.GetEnvironmentVariable("CI");
        return string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1";
    }
}
