namespace IpcLab.Core.Objects.Group;

/// <summary>The group functions.</summary>
public enum GroupFunc
{
    /// <summary>members(g)</summary>
    Members,

    /// <summary>dropped(g)</summary>
    Dropped,
}
