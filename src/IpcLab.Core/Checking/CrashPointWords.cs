namespace IpcLab.Core.Checking;

/// <summary>The kinds of crash point a check used, in the words of the report's first line.</summary>
public static class CrashPointWords
{
    private static readonly (CrashPointKind Kind, string Words)[] Each =
    [
        (CrashPointKind.ClientStatement, "a client's process crashed before or after a send, handle, commit or ack"),
        (CrashPointKind.BrokerRestart, "the broker crashed around a client's statement, to restart later"),
        (CrashPointKind.LeaderCrash, "a partition's leader crashed after a produce appended to it"),
        (CrashPointKind.FollowerCrash, "a follower's broker crashed before or after a fetch"),
        (CrashPointKind.LostAck, "a produce's acknowledgement lost, so its producer sent it again"),
    ];

    /// <summary>The kinds joined by "; " with "or" before the last ("a client's process crashed ...; or a produce's acknowledgement lost, ..."), or "no crash point" for none.</summary>
    public static string Of(CrashPointKind kinds)
    {
        var words = Each.Where(e => kinds.HasFlag(e.Kind)).Select(e => e.Words).ToArray();
        return words.Length switch
        {
            0 => "no crash point",
            1 => words[0],
            _ => string.Join("; ", words[..^1]) + "; or " + words[^1],
        };
    }
}
