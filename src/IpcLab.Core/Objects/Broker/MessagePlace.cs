namespace IpcLab.Core.Objects.Broker;

/// <summary>Where one copy of a published message is, in the broker's message table.</summary>
public enum MessagePlace
{
    /// <summary>The slot holds nothing.</summary>
    Free = 0,

    /// <summary>Published to an exchange, not routed yet: in the broker's inbox.</summary>
    Inbox = 1,

    /// <summary>Routed into a queue, ready to be delivered.</summary>
    Ready = 2,

    /// <summary>Pushed to a consumer, not taken by its program yet (in its client's buffer); unacknowledged.</summary>
    Pushed = 3,

    /// <summary>Taken by a consumer (pushed and received, or fetched by get), not acknowledged yet.</summary>
    Unacked = 4,
}
