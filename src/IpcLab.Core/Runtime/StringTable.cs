namespace IpcLab.Core.Runtime;

/// <summary>
/// Interns the strings of a run. A string value in the kernel state is its id here; equal texts
/// always get the same id, so string equality is id equality. Append-only: restoring a snapshot
/// never needs to shrink it, and ids stay valid across step-back and replay.
/// </summary>
public sealed class StringTable
{
    /// <summary>
    /// The longest string a thread can make (64 KiB of characters). A string that would be longer
    /// faults the thread that makes it, so a loop that keeps growing a string ends quickly instead
    /// of taking the memory of the machine (the table keeps every string a run stores).
    /// </summary>
    public const int MaxLength = 65_536;

    private readonly List<string> _texts = [];
    private readonly List<ulong> _hashes = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Count => _texts.Count;

    public string this[long id] => _texts[(int)id];

    public int Intern(string text)
    {
        if (_ids.TryGetValue(text, out var id))
        {
            return id;
        }

        id = _texts.Count;
        _texts.Add(text);
        _hashes.Add(ContentHash(text));
        _ids.Add(text, id);
        return id;
    }

    /// <summary>Faults the running thread when a string of <paramref name="length"/> characters would be longer than <see cref="MaxLength"/>.</summary>
    /// <exception cref="ThreadFaultException">The string would be too long.</exception>
    public static void CheckLength(long length, string what)
    {
        if (length > MaxLength)
        {
            throw new ThreadFaultException(TooLong(what, length));
        }
    }

    /// <summary>"string too long: joining 65,500 and 100 characters gives 65,600 (limit 65,536 characters)".</summary>
    public static string TooLong(string what, long length) =>
        $"string too long: {what} gives {length:N0} characters (limit {MaxLength:N0} characters)";

    /// <summary>A hash of the text itself, so state hashes agree across kernels whose ids differ.</summary>
    public ulong HashOf(long id) => _hashes[(int)id];

    private static ulong ContentHash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
