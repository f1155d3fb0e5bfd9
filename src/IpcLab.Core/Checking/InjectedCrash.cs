using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Checking;

/// <summary>A crash the checker injected: whose process, around which statement, at which step.</summary>
public sealed record InjectedCrash(int Thread, string ThreadName, OpCode Op, SourcePos Pos, CrashMoment Moment, int Step)
{
    /// <summary>"eager crashes after commit (line 24)".</summary>
    public string Text => Moment == CrashMoment.LeaderAfter
        ? $"{ThreadName}, the partition's leader, crashes after the {CrashPoints.Word(Op)} (line {Pos.Line}) appended to it"
        : $"{ThreadName} crashes {(Moment == CrashMoment.Before ? "before" : "after")} {CrashPoints.Word(Op)} (line {Pos.Line})";
}
