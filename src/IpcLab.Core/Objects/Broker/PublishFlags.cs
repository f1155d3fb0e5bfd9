namespace IpcLab.Core.Objects.Broker;

/// <summary>The options of one publish, as bits (an instruction's B, a message's flags).</summary>
[Flags]
public enum PublishFlags
{
    /// <summary>A plain publish: transient, dropped when no binding matches.</summary>
    None = 0,

    /// <summary>Returned to the publisher when no binding matches, instead of dropped.</summary>
    Mandatory = 1,

    /// <summary>Delivery mode 2: the broker would keep it on disk in a durable queue.</summary>
    Persistent = 2,

    /// <summary>Not a publish option: the copy was fetched by get, so it does not count against its holder's prefetch window.</summary>
    Fetched = 4,

    /// <summary>Publisher confirms: the publisher waits until the broker confirms (routed it into every queue it goes to, or dropped it as unroutable).</summary>
    Confirm = 8,

    /// <summary>Not a publish option: the copy was pushed to an autoack consumer, so the broker already forgot it (it leaves the books when the program takes it, or is lost with the channel).</summary>
    AutoAcked = 16,
}
