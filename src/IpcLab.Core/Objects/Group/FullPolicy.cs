namespace IpcLab.Core.Objects.Group;

/// <summary>What a send does when a receiver's inbox is full (a slow subscriber).</summary>
public enum FullPolicy
{
    /// <summary>The sender blocks, delivering nothing, until every inbox it sends to has room (back-pressure).</summary>
    Block,

    /// <summary>The copy for the full inbox is dropped, with an event; the other copies are delivered.</summary>
    Drop,

    /// <summary>The oldest message of the full inbox is dropped, with an event, to make room for the new one.</summary>
    DropOldest,
}
