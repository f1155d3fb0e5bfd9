namespace IpcLab.Core.Objects.Broker;

/// <summary>Why a message was dead-lettered: RabbitMQ's x-death reason.</summary>
public enum DeathReason
{
    /// <summary>Never dead-lettered.</summary>
    None = 0,

    /// <summary>A consumer nacked or rejected it without requeue.</summary>
    Rejected = 1,

    /// <summary>Its TTL passed at the head of its queue.</summary>
    Expired = 2,

    /// <summary>Its queue was at its maximum length: dropped from the head (drop-head), or refused (reject-publish-dlx).</summary>
    Maxlen = 3,

    /// <summary>It was returned to its queue (nacked, rejected or left by its consumer) more times than the queue's delivery limit: the poison message.</summary>
    DeliveryLimit = 4,
}
