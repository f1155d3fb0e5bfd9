using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Checking;

/// <summary>A crash the checker injected: whose process (or the broker), around which statement, at which step.</summary>
public sealed record InjectedCrash(int Thread, string ThreadName, OpCode Op, SourcePos Pos, CrashMoment Moment, int Step)
{
    /// <summary>The broker that crashed instead of the thread's process (down until its own step restarts it), or null.</summary>
    public string? Broker { get; init; }

    /// <summary>"eager crashes after commit (line 24)", "the acknowledgement of shop's produce (line 12) is lost: shop sends the record again", "rabbit crashes before spring's publish (line 12), down until its own step restarts it", or a partition leader's crash after a produce.</summary>
    public string Text => (Broker, Moment) switch
    {
        (null, CrashMoment.AckLost) => $"the acknowledgement of {ThreadName}'s {CrashPoints.Word(Op)} (line {Pos.Line}) is lost: {ThreadName} sends the record again",
        (null, CrashMoment.LeaderAfter) => $"{ThreadName}, the partition's leader, crashes after the {CrashPoints.Word(Op)} (line {Pos.Line}) appended to it",
        (null, _) => $"{ThreadName} crashes {When} {CrashPoints.Word(Op)} (line {Pos.Line})",
        _ => $"{Broker} crashes {When} {ThreadName}'s {CrashPoints.Word(Op)} (line {Pos.Line}), down until its own step restarts it",
    };

    private string When => Moment == CrashMoment.Before ? "before" : "after";
}
