namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>Where a <c>seek</c> moves a member's positions (the instruction's B).</summary>
public enum SeekTarget
{
    /// <summary>Every partition of the member to its log start: replay everything retained.</summary>
    Beginning,

    /// <summary>Every partition of the member to its log end: skip what is there, read only what comes next.</summary>
    End,

    /// <summary>One partition (E1) of the member to one offset (E2).</summary>
    Offset,
}
