namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>What a queue with a maximum length does with a copy routed to it when it already holds that many ready messages (RabbitMQ's x-overflow).</summary>
public enum OverflowMode
{
    /// <summary>The oldest ready message is dropped to make room, and the new one goes in (RabbitMQ's default).</summary>
    DropHead = 0,

    /// <summary>The new copy is refused; the queue keeps what it has.</summary>
    RejectPublish = 1,

    /// <summary>The new copy is refused, and dead-lettered to the queue's dead-letter exchange (reason maxlen).</summary>
    RejectPublishDlx = 2,
}
